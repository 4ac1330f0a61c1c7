#include "QueryCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "query/QueryRefused.h"
#include "query/QueryRunner.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QFile>
#include <QLocale>
#include <cerrno>
#include <cstdio>
#include <cstring>

bool QueryCommand::readFormat(const QString &name, QueryRunner::Output *output, QTextStream &err)
{
    const QString chosen = name.toLower();
    if (chosen == QLatin1String("tsv"))
        output->csv.delimiter = u'\t';
    else if (chosen == QLatin1String("json"))
        output->json = true;
    else if (chosen != QLatin1String("csv")) {
        err << "--format must be csv, tsv or json, not " << name << "\n";
        return false;
    }
    return true;
}

int QueryCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(". Each statement that returns rows prints them with a header, as export "
                       "does: NULL is an empty unquoted field, the empty string is \"\", REALs "
                       "read back exactly, BLOBs are base64. A statement that would change the "
                       "database is refused, and nothing runs, unless --allow-writes is given; "
                       "then all statements run in one transaction, all or nothing."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("csv (default), tsv or json (an array of objects per result)."),
        QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption allowWrites(
        QStringLiteral("allow-writes"),
        QStringLiteral("Let the statements change the database (in one transaction)."));
    const QCommandLineOption noHeader(QStringLiteral("no-header"),
                                      QStringLiteral("Leave out the row of column names."));
    parser.addOptions({format, allowWrites, noHeader});
    parser.addPositionalArgument(
        QStringLiteral("SQL"), QStringLiteral("The statements; - reads them from standard input."));
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (parser.positionalArguments().size() != 1) {
        err << "query needs the SQL as one argument (quote it), or - to read standard input\n";
        return UsageError;
    }
    QueryRunner::Output output;
    if (!readFormat(parser.value(format), &output, err))
        return UsageError;
    output.csv.header = !parser.isSet(noHeader);
    QString sql = parser.positionalArguments().constFirst();
    if (sql == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "Cannot read standard input\n";
            return UserError;
        }
        sql = QString::fromUtf8(input.readAll());
    }

    try {
        DatabaseConnection connection(database.path());
        out.flush();
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            throw RowforgeError(QStringLiteral("Cannot write to standard output"));
        const QueryRunner::Result result =
            QueryRunner::run(connection.database(), sql, parser.isSet(allowWrites), standardOutput,
                             QStringLiteral("standard output"), output);
        // The C library may still hold the last bytes: `query … > /dev/full` must fail.
        if (std::fflush(stdout) != 0 || std::ferror(stdout))
            throw RowforgeError(QStringLiteral("Cannot write standard output: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (parser.isSet(allowWrites))
            err << QLocale().toString(result.rowsChanged)
                << (result.rowsChanged == 1 ? " row changed\n" : " rows changed\n");
    } catch (const QueryRefused &refused) {
        err << refused.message() << " Nothing ran; --allow-writes lets it.\n";
        return UserError;
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
