#include "RecipeGeneration.h"

#include "GeneratedRows.h"
#include "fidelity/FidelityReporter.h"
#include "generate/RecipePromptBuilder.h"
#include "llm/LlmClient.h"
#include "profile/GenerationContext.h"
#include "profile/RowSampler.h"
#include "recipe/RecipeCache.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "util/RowforgeError.h"

#include <QElapsedTimer>
#include <QLocale>

namespace {

QJsonObject askForRecipe(QSqlDatabase &db, const TableInfo &table, const GenerationOptions &options,
                         LlmClient &client, QRandomGenerator &random, GenerationResult *usage)
{
    const GenerationContext context =
        GenerationContext::gather(db, table, std::clamp(options.sampleSize, 1, 100), random);
    QString problem;
    for (int request = 0; request <= options.maxFollowUps; ++request) {
        const LlmReply reply =
            client.complete(RecipePromptBuilder::build(context, options.share, problem));
        ++usage->requests;
        usage->inputTokens += reply.inputTokens;
        usage->outputTokens += reply.outputTokens;
        if (!reply.model.isEmpty())
            usage->model = reply.model;
        QJsonObject recipe = reply.object;
        // The header carries no information the model could get wrong usefully.
        if (!recipe.contains(QLatin1String("format")))
            recipe.insert(QStringLiteral("format"), QLatin1String(RecipeCompiler::Format));
        if (!recipe.contains(QLatin1String("table")))
            recipe.insert(QStringLiteral("table"), table.name);
        try {
            RecipeCompiler::validate(recipe, table);
            return recipe;
        } catch (const RowforgeError &error) {
            problem = error.message();
        }
    }
    throw RowforgeError(QStringLiteral("%1 sent no valid recipe for \"%2\" in %3 requests. The "
                                       "last one was refused: %4. Try again, edit the recipe in "
                                       "Generate Data…, or use offline mode.")
                            .arg(options.llm.displayName(), table.name,
                                 QString::number(options.maxFollowUps + 1), problem));
}

} // namespace

QJsonObject RecipeGeneration::recipeFor(QSqlDatabase &db, const TableInfo &table,
                                        const GenerationOptions &options, LlmClient &client,
                                        QRandomGenerator &random, GenerationResult *usage)
{
    if (!options.recipe.isEmpty())
        return options.recipe;
    if (options.effectiveMode() == GenerationOptions::Mode::Offline)
        return RecipeLearner::learn(db, table, random, GeneratedRows::before(db, table, options));
    const RecipeCache cache(options.recipeCacheDir);
    if (options.useRecipeCache) {
        const QJsonObject cached = cache.load(db.databaseName(), table);
        if (!cached.isEmpty()) {
            try {
                RecipeCompiler::validate(cached, table);
                usage->recipeFromCache = true;
                return cached;
            } catch (const RowforgeError &) {
                // An edited or outdated file: ask again.
            }
        }
    }
    const QJsonObject recipe = askForRecipe(db, table, options, client, random, usage);
    cache.store(db.databaseName(), table, recipe);
    return recipe;
}

GenerationResult RecipeGeneration::run(QSqlDatabase &db, const TableInfo &table,
                                       const GenerationOptions &options, LlmClient &client,
                                       QRandomGenerator &random)
{
    QElapsedTimer timer;
    timer.start();
    if (options.rows < 1 || options.rows > GenerationOptions::MaxRows)
        throw RowforgeError(QStringLiteral("Ask for 1 to %1 rows")
                                .arg(QLocale().toString(GenerationOptions::MaxRows)));
    if (options.dryRun && options.rows > MaxDryRunRows)
        throw RowforgeError(QStringLiteral("A dry run shows at most %1 rows")
                                .arg(QLocale().toString(MaxDryRunRows)));
    GenerationResult result;
    result.table = table.name;
    result.requested = options.rows;
    const GenerationOptions::Mode mode = options.effectiveMode();
    result.mode = GenerationOptions::modeName(mode);
    result.provider = options.llm.displayName();
    result.model = mode == GenerationOptions::Mode::Offline ? QString() : options.llm.model;
    if (!options.recipe.isEmpty() && mode == GenerationOptions::Mode::Rows)
        result.mode = QStringLiteral("recipe");

    result.recipe = recipeFor(db, table, options, client, random, &result);
    result.recipeGiven = !options.recipe.isEmpty();
    result.emptyTable = RecipeLearner::isSchemaOnly(result.recipe);
    const RowidRanges generated = GeneratedRows::before(db, table, options);
    result.onlyGenerated = result.recipe.value(QLatin1String("learned_from_generated")).toBool();
    if (!generated.isEmpty() && !result.onlyGenerated)
        result.generatedLeftOut = GeneratedRows::rowsIn(db, table, generated);

    // New rows are compared with the real ones (the generated ones too when there are no
    // others).
    const QStringList columns = RecipeCompiler::generatedColumns(table);
    QList<QVariantList> real;
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    if (options.fidelityReport)
        real = RowSampler::sample(db, table, FidelityReporter::SampleRows, random, columns,
                                  -Any - 1, Any, result.onlyGenerated ? RowidRanges() : generated);
    if (options.fidelityReport && real.isEmpty())
        result.emptyTable = true; // (without a report nothing was sampled to tell)

    RecipeRunOptions run;
    run.rows = options.rows;
    run.commit = !options.dryRun;
    run.keepRows = options.dryRun        ? options.rows
                   : options.keepForUndo ? UndoRows
                                         : FidelityReporter::SampleRows;
    run.progress = options.progress;
    run.cancelled = options.cancelled;
    run.generated = generated;
    run.ownTransaction = !options.partOfRelatedRun;
    run.newParents = options.newParents;
    const RecipeRunResult done = RecipeRunner::run(db, table, result.recipe, run, random);

    result.rejected = int(done.rejected);
    result.rejectionReasons = done.rejectionReasons;
    result.insertedColumns = done.columns;
    if (options.dryRun) {
        for (const QVariantList &values : done.rows) {
            QJsonObject object;
            for (int i = 0; i < done.columns.size(); ++i)
                object.insert(done.columns[i], QJsonValue::fromVariant(values[i]));
            result.validRows << object;
        }
    } else {
        result.inserted = int(done.inserted);
        result.rowids = done.rowids;
        result.insertedValues = done.rows;
        result.firstRowid = done.firstRowid;
        result.lastRowid = done.lastRowid;
    }
    if (!options.partOfRelatedRun)
        GeneratedRows::remember(db, table, options, result);
    if (!real.isEmpty()) {
        result.fidelity = FidelityReporter::compare(db, table, done.columns, real,
                                                    done.rows.mid(0, FidelityReporter::SampleRows));
        result.hasFidelity = true;
    }
    result.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}
