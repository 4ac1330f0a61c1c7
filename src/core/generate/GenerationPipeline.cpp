#include "GenerationPipeline.h"

#include "db/IntegrityCheck.h"
#include "util/GenerationCancelled.h"

#include "EngineColumns.h"
#include "GeneratedRows.h"
#include "PromptBuilder.h"
#include "RecipeGeneration.h"
#include "RowValidator.h"
#include "db/RowInserter.h"
#include "db/SchemaReader.h"
#include "db/Transaction.h"
#include "fidelity/FidelityReporter.h"
#include "llm/LlmClient.h"
#include "profile/GenerationContext.h"
#include "profile/RowSampler.h"
#include "util/RowforgeError.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>

Q_LOGGING_CATEGORY(generationLog, "rowforge.generate")

namespace {
QJsonObject toObject(const QStringList &columns, const QVariantList &values)
{
    QJsonObject object;
    for (int i = 0; i < columns.size(); ++i)
        object.insert(columns[i], QJsonValue::fromVariant(values[i]));
    return object;
}
} // namespace

int GenerationPipeline::rowsPerRequest(const GenerationContext &context,
                                       const GenerationOptions &options)
{
    // A row's share of the answer in tokens: its JSON at about 3.5 characters a token, measured
    // on the sample rows (they are measured, not sent, when samples stay home); 10 tokens a
    // column for an empty table. Requests ask for what fits in 60% of the output limit.
    const int columns = int(context.columns.size());
    double tokensPerRow = 10.0 * columns;
    if (!context.sampleRows.isEmpty()) {
        qint64 characters = 0;
        for (const QVariantList &row : context.sampleRows) {
            QJsonObject object;
            for (int i = 0; i < context.sampleColumns.size(); ++i) {
                if (context.columns.contains(context.sampleColumns[i]))
                    object.insert(context.sampleColumns[i], QJsonValue::fromVariant(row.value(i)));
            }
            characters += QJsonDocument(object).toJson(QJsonDocument::Compact).size();
        }
        tokensPerRow = std::max(4.0, double(characters) / double(context.sampleRows.size()) / 3.5);
    }
    // Within a local server's context window the prompt takes its share first.
    const int limit = options.llm.contextTokens > 0
                          ? options.llm.outputLimitFor(PromptBuilder::build(
                                context, options.rowsPerRequest, options.share, {}))
                          : options.llm.outputLimit();
    const int fitting = int(0.6 * limit / tokensPerRow);
    return std::clamp(fitting, 1,
                      std::max(1, std::min(options.rowsPerRequest,
                                           GenerationOptions::MaxValuesPerRequest / columns)));
}

GenerationResult GenerationPipeline::run(QSqlDatabase &db, const QString &tableName,
                                         const GenerationOptions &options, LlmClient &client)
{
    QElapsedTimer timer;
    timer.start();
    const TableInfo table = SchemaReader::require(db, tableName);
    if (table.kind != TableInfo::Table)
        throw RowforgeError(
            QStringLiteral("\"%1\" is a view; Generate Data grows tables").arg(table.name));
    // A few page reads always; a full look at the table as long as the run itself may take.
    if (!options.dryRun)
        IntegrityCheck::requireIntact(db, table,
                                      options.effectiveMode() == GenerationOptions::Mode::Rows
                                          ? 0
                                          : std::clamp(options.rows / 5000, 50, 500));
    QRandomGenerator random = options.seed
                                  ? QRandomGenerator(options.seed)
                                  : QRandomGenerator(QRandomGenerator::global()->generate());
    if (options.effectiveMode() != GenerationOptions::Mode::Rows || !options.recipe.isEmpty())
        return RecipeGeneration::run(db, table, options, client, random);
    if (options.rows < 1 || options.rows > GenerationOptions::MaxRowsFromLlm)
        throw RowforgeError(QStringLiteral("Ask an LLM for 1 to %1 rows; for more, use recipe "
                                           "or offline mode")
                                .arg(GenerationOptions::MaxRowsFromLlm));
    GenerationContext context =
        GenerationContext::gather(db, table, std::clamp(options.sampleSize, 1, 100), random);
    // Keys and UUIDs come from the engine; the model writes the columns that need it.
    EngineColumns engine(db, context, random);
    if (engine.names().size() < context.columns.size()) {
        for (const QString &name : engine.names())
            context.columns.removeAll(name);
    } else {
        engine.clear(); // nothing would be left for the model: it writes them all
    }
    if (context.columns.isEmpty())
        throw RowforgeError(
            QStringLiteral("\"%1\" has no column to fill: SQLite fills them all").arg(table.name));

    GenerationResult result;
    result.table = table.name;
    result.requested = options.rows;
    result.provider = options.llm.displayName();
    result.model = options.llm.model;
    result.emptyTable = context.rowCount == 0;

    RowValidator validator(db, table);
    validator.setContracts(PromptBuilder::contractsOf(context));
    QList<QVariantList> accepted;
    QStringList problems;
    QMap<QString, int> reasonCounts;
    int perRequest = rowsPerRequest(context, options);
    // Values of single-column UNIQUE columns accepted so far, told to later requests.
    QHash<QString, QStringList> usedUnique;
    QList<int> uniqueIndexes;
    for (int c = 0; c < validator.columns().size(); ++c) {
        const QString &name = validator.columns()[c];
        if (context.uniqueCounts.contains(name) || context.uniqueValues.contains(name))
            uniqueIndexes << c;
    }
    // One request per batch, plus the follow-ups that ask again for refused rows.
    int followUps = options.maxFollowUps;
    while (accepted.size() < options.rows) {
        const int missing = std::min(int(options.rows - accepted.size()), perRequest);
        const LlmReply reply = client.complete(
            PromptBuilder::build(context, missing, options.share, problems, usedUnique));
        ++result.requests;
        result.inputTokens += reply.inputTokens;
        result.outputTokens += reply.outputTokens;
        if (!reply.model.isEmpty())
            result.model = reply.model;
        QList<QJsonObject> rows = reply.rows;
        for (QJsonObject &row : rows)
            engine.fill(row);
        QList<RowValidator::Rejection> rejections;
        QList<QVariantList> valid = validator.validate(rows, &rejections, accepted);
        // A model that sends more rows than asked: keep what was asked for.
        while (valid.size() > missing)
            valid.removeLast();
        accepted << valid;
        for (const QVariantList &values : std::as_const(valid)) {
            for (const int c : std::as_const(uniqueIndexes)) {
                if (!values[c].isNull())
                    usedUnique[validator.columns()[c]] << values[c].toString();
            }
        }
        if (options.progress)
            options.progress(accepted.size(), options.rows);
        result.rejected += int(rejections.size());
        problems.clear();
        for (const RowValidator::Rejection &rejection : rejections) {
            ++reasonCounts[rejection.reason];
            if (!problems.contains(rejection.reason) && problems.size() < 10)
                problems << rejection.reason;
        }
        if (reply.truncated) {
            // Cut at the output token limit: the complete rows are kept and the rest is asked
            // for in smaller requests, as many rows as fitted. A run is not lost to the cut.
            ++result.truncatedAnswers;
            if (reply.rows.isEmpty() && missing == 1)
                throw RowforgeError(
                    QStringLiteral("%1 cut its answer off at the output token limit (%2 tokens) "
                                   "before one row was complete: raise the limit in Generation "
                                   "Settings")
                        .arg(result.provider)
                        .arg(options.llm.outputLimit()));
            perRequest =
                std::max(1, reply.rows.isEmpty() ? missing / 2
                                                 : std::min(missing - 1, int(reply.rows.size())));
            continue;
        }
        if (valid.size() < missing && followUps-- <= 0)
            break;
    }
    QList<QPair<int, QString>> reasons;
    for (auto it = reasonCounts.constBegin(); it != reasonCounts.constEnd(); ++it)
        reasons << qMakePair(-it.value(), it.key());
    std::sort(reasons.begin(), reasons.end());
    for (const auto &[count, reason] : reasons)
        result.rejectionReasons << reason;

    for (const QVariantList &values : accepted)
        result.validRows << toObject(validator.columns(), values);
    // The fidelity report compares with existing rows as they were before the insert.
    QList<QVariantList> real;
    if (options.fidelityReport && !accepted.isEmpty())
        real = RowSampler::sample(db, table, FidelityRealRows, random, validator.columns());
    if (!options.dryRun && !accepted.isEmpty()) {
        // The same insert path as imports, in one transaction: all rows or none.
        Transaction transaction(db, QStringLiteral("the generation on %1").arg(table.name));
        RowInserter inserter(db, table, validator.columns());
        for (const QVariantList &values : accepted)
            result.rowids << inserter.insert(values);
        if (options.cancelled && options.cancelled->load())
            throw GenerationCancelled();
        transaction.commit();
        result.insertedColumns = validator.columns();
        result.insertedValues = accepted;
        result.inserted = int(accepted.size());
        result.firstRowid = *std::min_element(result.rowids.begin(), result.rowids.end());
        result.lastRowid = *std::max_element(result.rowids.begin(), result.rowids.end());
    }
    GeneratedRows::remember(db, table, options, result);
    if (accepted.isEmpty())
        throw RowforgeError(QStringLiteral("%1 sent no valid row for \"%2\" in %3 requests: %4")
                                .arg(result.provider, table.name, QString::number(result.requests),
                                     result.rejectionReasons.value(0, QStringLiteral("no rows"))));
    if (!real.isEmpty()) {
        result.fidelity = FidelityReporter::compare(db, table, validator.columns(), real, accepted);
        result.hasFidelity = true;
    }
    result.seconds = timer.nsecsElapsed() / 1e9;
    // Usage for the record; never the key or the rows.
    qCInfo(generationLog).noquote()
        << QStringLiteral("table=%1 provider=%2 model=%3 requests=%4 input_tokens=%5 "
                          "output_tokens=%6 inserted=%7 rejected=%8")
               .arg(result.table, result.provider, result.model, QString::number(result.requests),
                    QString::number(result.inputTokens), QString::number(result.outputTokens),
                    QString::number(result.inserted), QString::number(result.rejected));
    return result;
}
