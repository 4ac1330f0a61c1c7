// Whole generation runs of the recipe engine on real SQLite files: constraints hold, no
// copies, same seed same rows, empty tables, cancel, and recipes from the mock LLM with
// validation, follow-ups and the cache.
#include "MockLlmServer.h"
#include "OfflineRun.h"
#include "ShopTable.h"
#include "TempDatabase.h"
#include "WeightedList.h"
#include "db/SchemaReader.h"
#include "generate/GeneratedRows.h"
#include "generate/GenerationPipeline.h"
#include "generate/GenerationUndo.h"
#include "llm/LlmClient.h"
#include "profile/ColumnProfiler.h"
#include "recipe/DependencyLearner.h"
#include "recipe/QuantileSampler.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "recipe/TemplateGenerator.h"
#include "recipe/TextRecipeLearner.h"
#include "recipe/WeightedPicker.h"
#include "util/DateTimeFormats.h"
#include "util/DateTimeText.h"
#include "util/GenerationCancelled.h"
#include "util/ProgressText.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

GenerationOptions offline(int rows, quint32 seed)
{
    GenerationOptions options;
    options.rows = rows;
    options.seed = seed;
    options.llm.provider = LlmSettings::Provider::Offline;
    return options;
}

// Recipe mode against the mock server, with the recipe cache in `cacheDir`.
GenerationOptions recipeMode(int rows, LlmSettings::Provider provider, const QString &model,
                             const MockLlmServer &server, const QString &cacheDir)
{
    GenerationOptions options;
    options.rows = rows;
    options.mode = GenerationOptions::Mode::Recipe;
    options.recipeCacheDir = cacheDir;
    options.llm.provider = provider;
    options.llm.model = model;
    options.llm.apiKey = QStringLiteral("sk-test");
    options.llm.baseUrl = server.baseUrl();
    return options;
}

GenerationResult runOffline(TempDatabase &temp, const GenerationOptions &options)
{
    LlmClient unused(options.llm);
    try {
        return GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, unused);
    } catch (const GenerationCancelled &) {
        throw;
    } catch (const RowforgeError &error) {
        qWarning().noquote() << error.message(); // the test then fails on the exception
        throw;
    }
}

} // namespace

class TestOfflineGeneration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void offlineRowsSatisfyEveryConstraint();
    void learnsFromRealRowsOnly();
    void deletedGeneratedRowsFreeTheirRowids();
    void sameSeedSameRows();
    void emptyTableUsesTheSchemaAlone();
    void infinitiesAreLearnedAsMissing();
    void cancelWritesNothing();
    void undoReportsProgressAndStopsWithEveryRowKept();
    void impossibleUniqueValuesStopWithNothingWritten();
    void recipeFromTheLlmIsValidatedAskedAgainAndCached();
    void anthropicRecipeThroughTheForcedTool();
    void invalidRecipesThreeTimesIsAClearError();

private:
    QTemporaryDir m_cache;
};

void TestOfflineGeneration::offlineRowsSatisfyEveryConstraint()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 300);
    const GenerationResult result = runOffline(temp, offline(3000, 11));
    QCOMPARE(result.inserted, 3000);
    QCOMPARE(result.provider, QStringLiteral("Offline"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3300);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    // No new row copies an old one (all columns but the rowid).
    QCOMPARE(temp.scalar(QStringLiteral(
                             "SELECT count(*) FROM orders n JOIN orders o ON o.id <= 300 AND "
                             "n.id > 300 AND n.code IS o.code AND n.customer_id IS o.customer_id "
                             "AND n.email IS o.email AND n.city IS o.city AND n.amount IS "
                             "o.amount AND n.ordered IS o.ordered"))
                 .toInt(),
             0);
    // Related columns stay related: every new (city, country) pair existed before.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders n WHERE n.id > 300 AND NOT "
                                        "EXISTS (SELECT 1 FROM orders o WHERE o.id <= 300 AND "
                                        "o.city = n.city AND o.country = n.country)"))
                 .toInt(),
             0);
    // Formats come back: dates parse, codes keep their shape, e-mails stay e-mails.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 300 AND "
                                        "(datetime(ordered) IS NOT ordered OR code NOT GLOB "
                                        "'SKU-[0-9][0-9][0-9][0-9]' OR (email IS NOT NULL AND "
                                        "email NOT LIKE '%_@example.com'))"))
                 .toInt(),
             0);
    const double nullEmails =
        temp.scalar(QStringLiteral("SELECT avg(email IS NULL) FROM orders WHERE id > 300"))
            .toDouble();
    QVERIFY2(nullEmails > 0.15 && nullEmails < 0.25, qPrintable(QString::number(nullEmails)));
    // The fidelity report is there and good.
    QVERIFY(result.hasFidelity);
    QVERIFY2(result.fidelity.columnShapes() >= 0.85, qPrintable(result.fidelity.summary()));
    QCOMPARE(result.fidelity.boundaryAdherence(), 1.0);
    QCOMPARE(result.fidelity.categoryAdherence(), 1.0);
    QCOMPARE(result.fidelity.newRowSynthesis, 1.0);
    QVERIFY(result.undoable());
}

void TestOfflineGeneration::learnsFromRealRowsOnly()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 300);
    GenerationOptions options = offline(500, 4);
    options.generatedRowsFile = temp.folder() + QStringLiteral("/generated-rows.json");
    const GenerationResult first = runOffline(temp, options);
    QCOMPARE(first.inserted, 500);
    QCOMPARE(
        GeneratedRows(options.generatedRowsFile).of(temp.path(), QStringLiteral("orders")).ranges(),
        (std::vector<RowidRanges::Range>{{301, 800}}));
    // Were the generated rows learned from, their (now absurd) amounts would come back.
    temp.exec(QStringLiteral("UPDATE orders SET amount = 99999999 WHERE id > 300"));
    options.seed = 5;
    const GenerationResult second = runOffline(temp, options);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 800 AND amount > "
                                        "1000000"))
                 .toInt(),
             0);
    QVERIFY2(second.summary().contains(QLatin1String("learned from real rows (500 generated left "
                                                     "out)")),
             qPrintable(second.summary()));
    // The pair score comes with what as many real rows score.
    QVERIFY2(second.fidelity.resampledPairs > 0 &&
                 second.summary().contains(
                     QStringLiteral("(real rows: %1)")
                         .arg(QLocale().toString(second.fidelity.resampledPairs, 'f', 2))),
             qPrintable(second.summary()));
    // The report compares with the real rows too: the absurd amounts are not its yardstick.
    QVERIFY(second.fidelity.boundaryAdherence() > 0.99);
    // Undo forgets the rows it removed; what is left is still known as generated.
    QCOMPARE(GenerationUndo::undo(temp.db(), second), 500);
    QCOMPARE(
        GeneratedRows(options.generatedRowsFile).of(temp.path(), QStringLiteral("orders")).ranges(),
        (std::vector<RowidRanges::Range>{{301, 800}}));
    // A table with only generated rows is learned from them, and the summary says so.
    temp.exec(QStringLiteral("DELETE FROM orders WHERE id <= 300"));
    options.rows = 10;
    const GenerationResult third = runOffline(temp, options);
    QCOMPARE(third.inserted, 10);
    QVERIFY2(third.summary().contains(QLatin1String("learned from earlier generated rows")),
             qPrintable(third.summary()));
    // Off by choice: every row is learned from.
    options.learnFromRealRows = false;
    QVERIFY(!runOffline(temp, options).summary().contains(QLatin1String("learned from")));
}

void TestOfflineGeneration::deletedGeneratedRowsFreeTheirRowids()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 300);
    GenerationOptions options = offline(200, 4);
    options.generatedRowsFile = temp.folder() + QStringLiteral("/generated-rows.json");
    const GeneratedRows remembered(options.generatedRowsFile);
    QCOMPARE(runOffline(temp, options).inserted, 200);
    // Deleted outside Rowforge: SQLite gives rowids 451 and up to the next rows inserted.
    temp.exec(QStringLiteral("DELETE FROM orders WHERE id > 450"));
    options.rows = 10;
    const GenerationResult next = runOffline(temp, options);
    QVERIFY2(next.summary().contains(QLatin1String("(150 generated left out)")),
             qPrintable(next.summary()));
    QCOMPARE(remembered.of(temp.path(), QStringLiteral("orders")).ranges(),
             (std::vector<RowidRanges::Range>{{301, 460}}));
    // Deleted again, then learned from: the rowids above the table's last are let go.
    temp.exec(QStringLiteral("DELETE FROM orders WHERE id > 400"));
    options.dryRun = true;
    const GenerationResult dry = runOffline(temp, options);
    QVERIFY2(dry.summary().contains(QLatin1String("(100 generated left out)")),
             qPrintable(dry.summary()));
    QCOMPARE(remembered.of(temp.path(), QStringLiteral("orders")).ranges(),
             (std::vector<RowidRanges::Range>{{301, 400}}));
    // A database that no longer exists is forgotten at the next change to the file.
    remembered.add(temp.folder() + QStringLiteral("/gone.sqlite"), QStringLiteral("t"), 1, 5);
    QVERIFY(remembered.of(temp.folder() + QStringLiteral("/gone.sqlite"), QStringLiteral("t"))
                .isEmpty());
    QCOMPARE(remembered.of(temp.path(), QStringLiteral("orders")).ranges(),
             (std::vector<RowidRanges::Range>{{301, 400}}));
}

void TestOfflineGeneration::sameSeedSameRows()
{
    TempDatabase first(ShopTable::schema(), QStringLiteral("a.sqlite"));
    TempDatabase second(ShopTable::schema(), QStringLiteral("b.sqlite"));
    ShopTable::seed(first, 3000); // beyond RowSampler::SmallSpan: random rowids, seeded
    ShopTable::seed(second, 3000);
    GenerationOptions options = offline(50, 99);
    options.dryRun = true;
    const GenerationResult a = runOffline(first, options);
    const GenerationResult b = runOffline(second, options);
    QCOMPARE(a.validRows.size(), 50);
    QCOMPARE(a.validRows, b.validRows);
    options.seed = 100;
    QVERIFY(runOffline(first, options).validRows != a.validRows);
    // A dry run writes nothing.
    QCOMPARE(first.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3000);
}

void TestOfflineGeneration::emptyTableUsesTheSchemaAlone()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, first_name "
                                      "TEXT NOT NULL, email TEXT UNIQUE, born DATE, score REAL)")});
    GenerationOptions options = offline(20, 3);
    LlmClient unused(options.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people"), options, unused);
    QCOMPARE(result.inserted, 20);
    QVERIFY(result.emptyTable);
    QVERIFY2(result.summary().contains(QLatin1String("from the schema alone")),
             qPrintable(result.summary()));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE email LIKE '%@%' AND "
                                        "date(born) = born AND score BETWEEN 0 AND 100"))
                 .toInt(),
             20);
    // A recipe the person gives makes the rows, empty table or not: the summary says so, and
    // not that they came from the schema alone.
    TempDatabase other(
        {QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, first_name "
                        "TEXT NOT NULL, email TEXT UNIQUE, born DATE, score REAL)")});
    options.recipe = result.recipe;
    const GenerationResult given =
        GenerationPipeline::run(other.db(), QStringLiteral("people"), options, unused);
    QCOMPARE(given.inserted, 20);
    QVERIFY2(given.summary().contains(QStringLiteral("· your recipe ·")) &&
                 !given.summary().contains(QLatin1String("schema alone")),
             qPrintable(given.summary()));
}

void TestOfflineGeneration::infinitiesAreLearnedAsMissing()
{
    // SQLite stores 1e999 as infinity; a recipe cannot hold one (this failed with "Recipe:
    // columns.b.atoms must list ...").
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a REAL NOT NULL, b REAL)")});
    temp.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 40) INSERT INTO t SELECT CASE WHEN i = 7 THEN -1e999 "
                             "ELSE i END, CASE WHEN i % 13 = 0 THEN 1e999 ELSE i * 2 END FROM n"));
    QCOMPARE(generateOffline(temp, QStringLiteral("t"), 200, 3).inserted, 200);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t WHERE rowid > 40 AND (abs(a) > "
                                        "1e300 OR abs(b) > 1e300)"))
                 .toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t WHERE rowid > 40 AND a IS NULL"))
                 .toInt(),
             0);
}

void TestOfflineGeneration::cancelWritesNothing()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 100);
    std::atomic<bool> cancelled{true};
    GenerationOptions options = offline(200000, 1);
    options.cancelled = &cancelled;
    QVERIFY_THROWS_EXCEPTION(GenerationCancelled, runOffline(temp, options));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 100);
}

void TestOfflineGeneration::undoReportsProgressAndStopsWithEveryRowKept()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 300);
    GenerationOptions options = offline(5000, 5);
    options.generatedRowsFile = temp.folder() + QStringLiteral("/generated-rows.json");
    const GenerationResult result = runOffline(temp, options);
    QCOMPARE(result.inserted, 5000); // the code column's shape has room for 9,700 more
    // Stopped at its first report: the transaction is rolled back, every row stays.
    std::atomic<bool> stop(false);
    QList<qint64> reports;
    try {
        GenerationUndo::undo(
            temp.db(), result,
            [&](qint64 done, qint64) {
                reports << done;
                stop = true;
            },
            &stop);
        QFAIL("the undo was not stopped");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(), QStringLiteral("Undo cancelled; no row was removed"));
    }
    QCOMPARE(reports, QList<qint64>{0});
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 5300);
    // Run through: a report every 4,096 rows, and the total last.
    reports.clear();
    qint64 total = 0;
    QCOMPARE(GenerationUndo::undo(temp.db(), result,
                                  [&](qint64 done, qint64 of) {
                                      reports << done;
                                      total = of;
                                  }),
             5000);
    QCOMPARE(total, qint64(5000));
    QCOMPARE(reports, (QList<qint64>{0, 4096, 5000})); // every 4,096 rows, then the end
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 300);
    // What the status bar says of it, worked by hand: 4,200 of 10,000 in 1.4 s is 3,000/s.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(ProgressText::rows(4200, 10000, 1400),
             QStringLiteral("4,200 of 10,000 rows (42%) · 3,000 rows/s"));
    QCOMPARE(ProgressText::rows(10, 10000, 100), QStringLiteral("10 of 10,000 rows (0%)"));
    QCOMPARE(ProgressText::steps(10000, 10000, 1000), 1000);
    QCOMPARE(ProgressText::steps(42, 100, 1000), 420);
    QCOMPARE(ProgressText::steps(5, 0, 1000), 1000);
}

void TestOfflineGeneration::impossibleUniqueValuesStopWithNothingWritten()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 20);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(8);
    QJsonObject json = RecipeLearner::learn(temp.db(), orders, random);
    QJsonObject columns = json.value(QLatin1String("columns")).toObject();
    // Only 10 codes exist for a UNIQUE column.
    columns.insert(QStringLiteral("code"),
                   QJsonObject{{QStringLiteral("generator"), QStringLiteral("template")},
                               {QStringLiteral("templates"),
                                WeightedList::of({{QStringLiteral("\\X-9"), 1}})}});
    json.insert(QStringLiteral("columns"), columns);
    RecipeRunOptions options;
    options.rows = 50;
    try {
        RecipeRunner::run(temp.db(), orders, json, options, random);
        QFAIL("50 unique values from 10 possible ones");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QLatin1String("Stopped after 10 of 50 rows")),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("UNIQUE constraint failed: orders.code")));
        // And how many values the shape allows: here none are left.
        QVERIFY2(error.message().endsWith(QLatin1String("\"code\" can take 10 values in its "
                                                        "shape; 30 are taken, 0 left.")),
                 qPrintable(error.message()));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 20);
}

void TestOfflineGeneration::recipeFromTheLlmIsValidatedAskedAgainAndCached()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 50);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(9);
    const QJsonObject good = RecipeLearner::learn(temp.db(), orders, random);
    QJsonObject bad = good;
    QJsonObject badColumns = bad.value(QLatin1String("columns")).toObject();
    badColumns.insert(QStringLiteral("amount"),
                      QJsonObject{{QStringLiteral("generator"), QStringLiteral("number")},
                                  {QStringLiteral("quantiles"), QJsonArray{9}}});
    bad.insert(QStringLiteral("columns"), badColumns);

    MockLlmServer server;
    // The first answer hides the recipe in prose, and it is invalid; the second is fine.
    server.enqueue(MockLlmServer::openAiText(
        QStringLiteral("Here it is:\n```json\n%1\n```")
            .arg(QString::fromUtf8(QJsonDocument(bad).toJson(QJsonDocument::Compact)))));
    server.enqueue(MockLlmServer::openAiText(QString::fromUtf8(QJsonDocument(good).toJson())));
    GenerationOptions options = recipeMode(500, LlmSettings::Provider::OpenAI,
                                           QStringLiteral("gpt-4.1-mini"), server, m_cache.path());
    options.share = GenerationOptions::Share::Stats;
    LlmClient client(options.llm);
    GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
    QCOMPARE(result.inserted, 500);
    QCOMPARE(result.mode, QStringLiteral("recipe"));
    QCOMPARE(result.requests, 2);
    QCOMPARE(result.inputTokens, 1024);
    QVERIFY2(result.summary().contains(QLatin1String("OpenAI gpt-4.1-mini-2025-04-14 recipe")),
             qPrintable(result.summary()));
    QCOMPARE(server.requests().size(), 2);
    const QJsonObject first = server.requests()[0].json();
    const QJsonObject format = first.value(QLatin1String("response_format")).toObject();
    QCOMPARE(format.value(QLatin1String("json_schema"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("recipe"));
    const QString prompt = first.value(QLatin1String("messages"))
                               .toArray()[1]
                               .toObject()
                               .value(QLatin1String("content"))
                               .toString();
    QVERIFY(prompt.contains(QLatin1String("| `template` |"))); // the catalogue is in the prompt
    QVERIFY(!prompt.contains(QLatin1String("Sample rows")));   // samples were not allowed
    const QString followUp = server.requests()[1]
                                 .json()
                                 .value(QLatin1String("messages"))
                                 .toArray()[1]
                                 .toObject()
                                 .value(QLatin1String("content"))
                                 .toString();
    QVERIFY(followUp.contains(QLatin1String(
        "Your previous recipe was refused: Recipe: columns.amount.quantiles must list at least "
        "two values")));
    QCOMPARE(QDir(m_cache.path()).entryList(QDir::Files).size(), 1);

    // The next run of the same table and schema uses the cache: no request.
    options.rows = 10;
    LlmClient again(options.llm);
    result = GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, again);
    QCOMPARE(result.inserted, 10);
    QVERIFY(result.recipeFromCache);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 560);
}

void TestOfflineGeneration::anthropicRecipeThroughTheForcedTool()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 30);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(10);
    const QJsonObject good = RecipeLearner::learn(temp.db(), orders, random);
    MockLlmServer server;
    const QJsonObject answer{
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("model"), QStringLiteral("claude-haiku-4-5")},
        {QStringLiteral("stop_reason"), QStringLiteral("tool_use")},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                {QStringLiteral("name"), QStringLiteral("emit_recipe")},
                                {QStringLiteral("input"), good}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("input_tokens"), 10}, {QStringLiteral("output_tokens"), 20}}}};
    server.enqueue({200, QJsonDocument(answer).toJson(), {}, MockLlmServer::Response::Respond});
    GenerationOptions options =
        recipeMode(100, LlmSettings::Provider::Anthropic, QStringLiteral("claude-haiku-4-5"),
                   server, m_cache.path());
    options.useRecipeCache = false;
    LlmClient client(options.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
    QCOMPARE(result.inserted, 100);
    const QJsonObject request = server.requests().first().json();
    QCOMPARE(request.value(QLatin1String("tool_choice")).toObject().value(QLatin1String("name")),
             QJsonValue(QStringLiteral("emit_recipe")));
    QCOMPARE(request.value(QLatin1String("tools"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("input_schema"))
                 .toObject()
                 .value(QLatin1String("required")),
             QJsonValue(QJsonArray{QStringLiteral("format"), QStringLiteral("columns")}));
}

void TestOfflineGeneration::invalidRecipesThreeTimesIsAClearError()
{
    TempDatabase temp(ShopTable::schema());
    ShopTable::seed(temp, 30);
    MockLlmServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue(MockLlmServer::openAiText(QStringLiteral("{\"columns\": {}}")));
    GenerationOptions options = recipeMode(10, LlmSettings::Provider::OpenAI,
                                           QStringLiteral("gpt-4.1-mini"), server, m_cache.path());
    options.useRecipeCache = false;
    LlmClient client(options.llm);
    try {
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
        QFAIL("three invalid recipes");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QLatin1String(
                     "OpenAI sent no valid recipe for \"orders\" in 3 requests. The last one was "
                     "refused: Recipe: columns.code is missing")),
                 qPrintable(error.message()));
    }
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 30);
}

QTEST_GUILESS_MAIN(TestOfflineGeneration)
#include "tst_OfflineGeneration.moc"
