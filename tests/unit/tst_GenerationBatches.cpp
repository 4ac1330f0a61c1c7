// A large generation from a model is asked for in requests that fit: rows per answer on a
// wide table, the provider's output limit (answers cut at it keep their complete rows), and a
// local server's context window. Real HTTP to the mock provider, real SQLite files.
#include "MockGeneration.h"
#include "MockLlmServer.h"
#include "TempDatabase.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QtTest>

class TestGenerationBatches : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void manyRowsAndWideTablesAreAskedForInBatches();
    void manyRowsOfAWideTableFitTheOutputLimit_data();
    void manyRowsOfAWideTableFitTheOutputLimit();
    void requestsFitALocalContextWindow();

private:
    // A 25-column table of 20 short text rows.
    static QStringList wideTable();
};

void TestGenerationBatches::manyRowsOfAWideTableFitTheOutputLimit_data()
{
    QTest::addColumn<int>("provider");
    QTest::newRow("openai") << int(LlmSettings::Provider::OpenAI);
    QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic);
}

void TestGenerationBatches::manyRowsOfAWideTableFitTheOutputLimit()
{
    // 300 rows of a 25-column table with a 4,096-token output limit. The model writes longer
    // values than the existing rows hold, so the first answers are cut at the limit: their
    // complete rows are kept and the rest is asked for in smaller requests.
    QFETCH(int, provider);
    TempDatabase temp(wideTable());
    MockLlmServer server;
    server.setRowMaker([](int index) {
        QJsonObject row;
        for (int c = 0; c < 25; ++c)
            row.insert(QStringLiteral("c%1").arg(c),
                       QStringLiteral("value number %1 of column %2").arg(index).arg(c));
        return row;
    });
    GenerationOptions o = MockGeneration::options(server, 300, LlmSettings::Provider(provider));
    o.llm.maxOutputTokens = 4096;
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("wide"), o, client);
    QCOMPARE(result.inserted, 300);
    QVERIFY2(result.truncatedAnswers > 0, "the model's longer rows were never cut");
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT count(DISTINCT c0) FROM wide WHERE id > 20")).toInt(),
        300);
    const bool anthropic = provider == int(LlmSettings::Provider::Anthropic);
    for (const MockLlmServer::Request &request : server.requests())
        QCOMPARE(request.json()[QLatin1String(anthropic ? "max_tokens" : "max_completion_tokens")]
                     .toInt(),
                 4096);
}

void TestGenerationBatches::requestsFitALocalContextWindow()
{
    // A local server with Ollama's default 4,096-token window, 300 rows of a 25-column table:
    // every request leaves room for its answer within the window (the mock counts those that
    // would not fit, whose start Ollama would silently drop). Told nothing of the window, the
    // same run overflows it.
    const QStringList statements = wideTable();
    for (const int window : {LlmSettings::DefaultLocalContext, 0}) {
        TempDatabase temp(statements);
        MockLlmServer server;
        server.answerFromSchema();
        server.setContextWindow(LlmSettings::DefaultLocalContext);
        GenerationOptions o =
            MockGeneration::options(server, 300, LlmSettings::Provider::OpenAICompatible);
        o.llm.contextTokens = window;
        LlmClient client(o.llm);
        const GenerationResult result =
            GenerationPipeline::run(temp.db(), QStringLiteral("wide"), o, client);
        QCOMPARE(result.inserted, 300);
        if (window > 0)
            QCOMPARE(server.contextOverflows(), 0);
        else
            QVERIFY(server.contextOverflows() > 0);
    }
}

QStringList TestGenerationBatches::wideTable()
{
    QStringList columns, existing;
    for (int c = 0; c < 25; ++c) {
        columns << QStringLiteral("c%1 TEXT").arg(c);
        existing << QStringLiteral("'v%1'").arg(c);
    }
    QStringList statements{
        QStringLiteral("CREATE TABLE wide (id INTEGER PRIMARY KEY, %1)").arg(columns.join(u','))};
    for (int r = 0; r < 20; ++r)
        statements << QStringLiteral("INSERT INTO wide VALUES (NULL, %1)").arg(existing.join(u','));
    return statements;
}

void TestGenerationBatches::manyRowsAndWideTablesAreAskedForInBatches()
{
    // 100 columns: at most 15 rows per answer, so 20 rows take two requests (15 + 5).
    QStringList columns;
    for (int c = 0; c < 100; ++c)
        columns << QStringLiteral("c%1 INTEGER").arg(c);
    TempDatabase temp({QStringLiteral("CREATE TABLE wide (%1)").arg(columns.join(u','))});
    auto rows = [](int count, int offset) {
        QJsonArray array;
        for (int r = 0; r < count; ++r) {
            QJsonObject row;
            for (int c = 0; c < 100; ++c)
                row.insert(QStringLiteral("c%1").arg(c), (offset + r) * 1000 + c);
            array << row;
        }
        return array;
    };
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(rows(15, 0)));
    server.enqueue(MockLlmServer::openAiRows(rows(7, 100))); // two more than asked for
    GenerationOptions o = MockGeneration::options(server, 20);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("wide"), o, client);
    QCOMPARE(result.requests, 2);
    QCOMPARE(result.inserted, 20);
    QVERIFY(server.requests()[0].body.contains("Generate 15 new rows"));
    QVERIFY(server.requests()[1].body.contains("Generate 5 new rows"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM wide")).toInt(), 20);
}

QTEST_GUILESS_MAIN(TestGenerationBatches)
#include "tst_GenerationBatches.moc"
