#include "GenerateCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

int GenerateCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QStringLiteral(". Keys come from OPENAI_API_KEY / ANTHROPIC_API_KEY (base URLs "
                                   "from OPENAI_BASE_URL / ANTHROPIC_BASE_URL). Every row is "
                                   "checked against the schema; valid rows are inserted in one "
                                   "transaction."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    const QCommandLineOption table(QStringLiteral("table"), QStringLiteral("Table to grow."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption rows(QStringLiteral("rows"),
                                  QStringLiteral("Rows to add (default 10)."), QStringLiteral("N"),
                                  QStringLiteral("10"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QStringLiteral("Sample rows shown to the model, 1..100 (default 10)."), QStringLiteral("N"),
        QStringLiteral("10"));
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("auto (default), openai, anthropic, openai-compatible or offline."),
        QStringLiteral("NAME"), QStringLiteral("auto"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model name."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QStringLiteral("API base URL (e.g. http://localhost:11434/v1)."), QStringLiteral("URL"));
    const QCommandLineOption noSamples(QStringLiteral("no-samples"),
                                       QStringLiteral("Send the schema and column statistics only, "
                                                      "not sample rows."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Print the valid rows as JSON; insert nothing."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the summary as JSON."));
    parser.addOptions({table, rows, sample, provider, model, baseUrl, noSamples, dryRun, json});
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (!parser.isSet(table)) {
        err << "generate needs --table NAME\n";
        return UsageError;
    }
    bool ok = false;
    GenerationOptions options;
    options.rows = parser.value(rows).toInt(&ok);
    if (!ok || options.rows < 1 || options.rows > 1000) {
        err << "--rows must be a number from 1 to 1000\n";
        return UsageError;
    }
    options.sampleSize = parser.value(sample).toInt(&ok);
    if (!ok || options.sampleSize < 1 || options.sampleSize > 100) {
        err << "--sample must be a number from 1 to 100\n";
        return UsageError;
    }
    if (!ProviderResolver::providerNames().contains(parser.value(provider))) {
        err << "--provider must be one of "
            << ProviderResolver::providerNames().join(QStringLiteral(", ")) << "\n";
        return UsageError;
    }
    options.sendSamples = !parser.isSet(noSamples);
    options.dryRun = parser.isSet(dryRun);
    try {
        ProviderResolver::Choice choice;
        choice.provider = parser.value(provider);
        choice.model = parser.value(model);
        choice.baseUrl = parser.value(baseUrl);
        options.llm = ProviderResolver::resolve(choice);
        DatabaseConnection connection(database.path());
        LlmClient client(options.llm);
        const GenerationResult result =
            GenerationPipeline::run(connection.database(), parser.value(table), options, client);
        if (options.dryRun) {
            QJsonArray rowsJson;
            for (const QJsonObject &row : result.validRows)
                rowsJson << row;
            out << QString::fromUtf8(QJsonDocument(rowsJson).toJson(QJsonDocument::Indented));
        } else if (parser.isSet(json)) {
            out << QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact))
                << "\n";
        } else {
            out << result.summary() << "\n";
        }
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
