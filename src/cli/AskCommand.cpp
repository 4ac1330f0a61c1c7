#include "AskCommand.h"

#include "CliDatabaseOption.h"
#include "CliProviderOptions.h"
#include "QueryCommand.h"
#include "db/DatabaseConnection.h"
#include "llm/LlmClient.h"
#include "query/QueryRefused.h"
#include "query/QueryRunner.h"
#include "query/QuestionAsker.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdio>

int AskCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(". The model is sent the schema (and with --share rows three rows of each "
                       "table) and answers with one SQL statement, printed on standard output "
                       "with its explanation on standard error. SQL that would change the "
                       "database is refused. With --run the SQL goes to standard error and its "
                       "result, as query prints it, to standard output."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    CliProviderOptions providerOptions(parser);
    const QCommandLineOption share(
        QStringLiteral("share"),
        QStringLiteral("What the model is sent: schema (the default) or rows (and three rows of "
                       "each table)."),
        QStringLiteral("LEVEL"), QStringLiteral("schema"));
    const QCommandLineOption runIt(QStringLiteral("run"),
                                   QStringLiteral("Run the SQL (read-only) and print the result."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("With --run: csv (default), tsv or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("csv"));
    parser.addOptions({share, runIt, format});
    parser.addPositionalArgument(QStringLiteral("QUESTION"),
                                 QStringLiteral("The question, in quotes."));
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (parser.positionalArguments().size() != 1) {
        err << "ask needs the question as one argument (in quotes)\n";
        return UsageError;
    }
    if (!providerOptions.valid(err))
        return UsageError;
    const QString level = parser.value(share);
    if (level != QLatin1String("schema") && level != QLatin1String("rows")) {
        err << "--share must be schema or rows\n";
        return UsageError;
    }
    QueryRunner::Output output;
    if (!QueryCommand::readFormat(parser.value(format), &output, err))
        return UsageError;

    try {
        const LlmSettings settings = ProviderResolver::resolve(providerOptions.choice());
        if (settings.provider == LlmSettings::Provider::Offline)
            throw RowforgeError(QuestionAsker::noModelMessage());
        DatabaseConnection connection(database.path());
        LlmClient client(settings);
        const QuestionAsker::Answer answer =
            QuestionAsker::ask(connection.database(), client, parser.positionalArguments().first(),
                               level == QLatin1String("rows"));
        if (!parser.isSet(runIt)) {
            out << answer.sql << "\n";
            if (!answer.explanation.isEmpty())
                err << "-- " << answer.explanation << "\n";
            return Success;
        }
        err << answer.sql << "\n";
        if (!answer.explanation.isEmpty())
            err << "-- " << answer.explanation << "\n";
        err.flush();
        out.flush();
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            throw RowforgeError(QStringLiteral("Cannot write to standard output"));
        QueryRunner::run(connection.database(), answer.sql, false, standardOutput,
                         QStringLiteral("standard output"), output);
        if (std::fflush(stdout) != 0 || std::ferror(stdout))
            throw RowforgeError(QStringLiteral("Cannot write standard output"));
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
