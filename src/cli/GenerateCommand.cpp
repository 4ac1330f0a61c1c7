#include "GenerateCommand.h"

#include "CliDatabaseOption.h"
#include "CliProviderOptions.h"
#include "db/DatabaseConnection.h"
#include "generate/GenerationPipeline.h"
#include "generate/RelatedGeneration.h"
#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

bool GenerateCommand::readTableRows(const QString &text, const QStringList &tables,
                                    QHash<QString, int> *rows, QTextStream &err)
{
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.lastIndexOf(u'=');
        const QString name = equals < 0 ? tables.value(0) : part.left(equals);
        bool ok = false;
        const int count = part.mid(equals + 1).toInt(&ok);
        if (!ok || count < 1 || count > GenerationOptions::MaxRows) {
            err << "--rows: \"" << part << "\" must be N or TABLE=N, N from 1 to "
                << GenerationOptions::MaxRows << "\n";
            return false;
        }
        if (!tables.contains(name)) {
            err << "--rows: \"" << name << "\" is not one of --tables\n";
            return false;
        }
        rows->insert(name, count);
    }
    return true;
}

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
    const QCommandLineOption tables(
        QStringLiteral("tables"),
        QStringLiteral("Grow these tables together, offline or from recipes, in one transaction: "
                       "parents first, each new parent with as many children as a real one has. "
                       "A table without a count in --rows gets its new parents' children."),
        QStringLiteral("T1,T2,..."));
    const QCommandLineOption rows(
        QStringLiteral("rows"),
        QStringLiteral("Rows to add (default 10; up to 1,000 from an LLM, "
                       "10,000,000 in recipe and offline mode). With --tables: T1=N,T2=M, or N "
                       "for the first table."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QStringLiteral("Sample rows shown to the model, 1..100 (default 10)."), QStringLiteral("N"),
        QStringLiteral("10"));
    CliProviderOptions providerOptions(parser);
    const QCommandLineOption share(
        QStringLiteral("share"),
        QStringLiteral("What is sent to the model: schema (the schema only), stats (and statistics "
                       "without stored values), values (and frequent values) or rows (and sample "
                       "rows; the default)."),
        QStringLiteral("LEVEL"), QStringLiteral("rows"));
    const QCommandLineOption noSamples(QStringLiteral("no-samples"),
                                       QStringLiteral("The same as --share stats."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Print the valid rows as JSON; insert nothing."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("Print the summary as JSON, with the fidelity report."));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QStringLiteral("rows (default: the LLM writes every row), recipe (the LLM writes a recipe "
                       "once, Rowforge makes the rows) or offline (no LLM)."),
        QStringLiteral("MODE"), QStringLiteral("rows"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for reproducible rows (offline and recipe "
                                                 "mode: the same seed gives the same rows)."),
                                  QStringLiteral("N"));
    const QCommandLineOption recipe(
        QStringLiteral("recipe"),
        QStringLiteral("Run this recipe file (docs/recipes.md) instead of learning or asking."),
        QStringLiteral("FILE"));
    const QCommandLineOption saveRecipe(QStringLiteral("save-recipe"),
                                        QStringLiteral("Write the recipe that was used to FILE."),
                                        QStringLiteral("FILE"));
    parser.addOptions({table, tables, rows, sample, share, noSamples, dryRun, json, mode, seed,
                       recipe, saveRecipe});
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (parser.isSet(table) == parser.isSet(tables)) {
        err << "generate needs --table NAME or --tables T1,T2,...\n";
        return UsageError;
    }
    bool ok = false;
    GenerationOptions options;
    QStringList related;
    QHash<QString, int> relatedRows;
    if (parser.isSet(tables)) {
        related = parser.value(tables).split(u',', Qt::SkipEmptyParts);
        if (!readTableRows(parser.value(rows), related, &relatedRows, err))
            return UsageError;
        options.rows = relatedRows.value(related.value(0), 1);
    } else {
        options.rows = parser.value(rows).toInt(&ok);
        if (!ok || options.rows < 1 || options.rows > GenerationOptions::MaxRows) {
            err << "--rows must be a number from 1 to " << GenerationOptions::MaxRows << "\n";
            return UsageError;
        }
    }
    if (!GenerationOptions::modeNames().contains(parser.value(mode))) {
        err << "--mode must be one of " << GenerationOptions::modeNames().join(QStringLiteral(", "))
            << "\n";
        return UsageError;
    }
    options.mode = GenerationOptions::modeFromName(parser.value(mode));
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok || options.seed == 0) {
            err << "--seed must be a whole number from 1 to 4294967295\n";
            return UsageError;
        }
    }
    if (parser.isSet(recipe)) {
        QFile file(parser.value(recipe));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "Cannot read " << file.fileName() << ": " << file.errorString() << "\n";
            return UserError;
        }
        QJsonParseError error;
        options.recipe = QJsonDocument::fromJson(file.readAll(), &error).object();
        if (error.error != QJsonParseError::NoError || options.recipe.isEmpty()) {
            err << file.fileName() << " is not a JSON recipe: " << error.errorString() << "\n";
            return UserError;
        }
    }
    options.sampleSize = parser.value(sample).toInt(&ok);
    if (!ok || options.sampleSize < 1 || options.sampleSize > 100) {
        err << "--sample must be a number from 1 to 100\n";
        return UsageError;
    }
    if (!providerOptions.valid(err))
        return UsageError;
    const QStringList levels = GenerationOptions::shareNames();
    if (!levels.contains(parser.value(share))) {
        err << "--share must be one of " << levels.join(QStringLiteral(", ")) << "\n";
        return UsageError;
    }
    options.share = parser.isSet(noSamples) && !parser.isSet(share)
                        ? GenerationOptions::Share::Stats
                        : GenerationOptions::Share(levels.indexOf(parser.value(share)));
    options.dryRun = parser.isSet(dryRun);
    options.keepForUndo = false;
    try {
        options.llm = ProviderResolver::resolve(providerOptions.choice());
        DatabaseConnection connection(database.path());
        LlmClient client(options.llm);
        if (!related.isEmpty()) {
            const QList<GenerationResult> results = RelatedGeneration::run(
                connection.database(), related, relatedRows, options, client);
            QJsonArray array;
            for (const GenerationResult &result : results) {
                array << result.toJson();
                if (!parser.isSet(json))
                    out << result.summary() << "\n";
            }
            if (parser.isSet(json))
                out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))
                    << "\n";
            return Success;
        }
        const GenerationResult result =
            GenerationPipeline::run(connection.database(), parser.value(table), options, client);
        if (parser.isSet(saveRecipe) && !result.recipe.isEmpty()) {
            QSaveFile file(parser.value(saveRecipe));
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(QJsonDocument(result.recipe).toJson(QJsonDocument::Indented)) < 0 ||
                !file.commit())
                throw RowforgeError(QStringLiteral("Cannot write the recipe to %1: %2")
                                        .arg(file.fileName(), file.errorString()));
        }
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
