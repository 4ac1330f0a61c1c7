#include "MockGeneration.h"
#include "MockLlmServer.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "generate/GenerationPipeline.h"
#include "generate/GenerationUndo.h"
#include "llm/LlmClient.h"
#include "util/RowforgeError.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

class TestGenerationPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void insertsValidRowsAndSaysSo();
    void promptCarriesSchemaConstraintsProfileAndSamples();
    void samplesStayHomeWhenNotAllowed();
    void rejectedRowsAreToppedUp();
    void shareLevelsSendOnlyWhatTheySay();
    void engineFillsKeysAndUuids();
    void failuresWriteNothing_data();
    void failuresWriteNothing();
    void hostileValuesAreStoredLiterally();
    void dryRunInsertsNothing();
    void emptyTableIsSaidSo();
    void anthropicWorksTheSame();
    void undoRemovesExactlyTheUnchangedGeneratedRows();
    void typesComeFromTheStoredValues_data();
    void typesComeFromTheStoredValues();
    void aSchemaTrueModelFillsTypedColumns_data();
    void aSchemaTrueModelFillsTypedColumns();
    void laterRequestsKnowTheUniqueValuesUsed();

private:
    static QStringList schema();
    static QJsonObject person(const QString &email, const QJsonValue &city = QStringLiteral("Oslo"),
                              int parent = 1);
};

void TestGenerationPipeline::typesComeFromTheStoredValues_data()
{
    QTest::addColumn<int>("provider");
    QTest::newRow("openai") << int(LlmSettings::Provider::OpenAI);
    QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic);
}

void TestGenerationPipeline::typesComeFromTheStoredValues()
{
    // Ordinary declarations that SQLite gives NUMERIC affinity, holding ISO text and 0/1, and
    // columns whose table order is not alphabetical.
    QFETCH(int, provider);
    TempDatabase temp({QStringLiteral("CREATE TABLE bookings (id INTEGER PRIMARY KEY, zone TEXT, "
                                      "day DATE NOT NULL, starts_at TIMESTAMP, paid BOOLEAN, "
                                      "amount DECIMAL(10,2))"),
                       QStringLiteral("INSERT INTO bookings (zone, day, starts_at, paid, amount) "
                                      "VALUES ('north', '2024-06-01', '2024-06-01 09:30:00', 1, "
                                      "12.5), ('south', '2024-06-02', '2024-06-02 14:00:00', 0, "
                                      "80.25)")});
    MockLlmServer server;
    auto row = [](const QJsonValue &day, const QJsonValue &startsAt, const QJsonValue &paid) {
        return QJsonObject{{QStringLiteral("zone"), QStringLiteral("east")},
                           {QStringLiteral("day"), day},
                           {QStringLiteral("starts_at"), startsAt},
                           {QStringLiteral("paid"), paid},
                           {QStringLiteral("amount"), 19.99}};
    };
    // What a schema-true model answered before: numbers for dates. And a date that is no date,
    // and a 2 for a boolean. Then valid rows.
    const QJsonArray bad{row(20240617, 20240628, 1),
                         row(QStringLiteral("2024-13-45"), QJsonValue(), 0),
                         row(QStringLiteral("2024-06-17"), QJsonValue(), 2)};
    const QJsonArray good{
        row(QStringLiteral("2024-06-17"), QStringLiteral("2024-06-17 10:00:00"), 1),
        row(QStringLiteral("2024-06-18"), QJsonValue(), 0),
        row(QStringLiteral("2024-06-19"), QStringLiteral("2024-06-19 08:15:00"), 1)};
    const bool anthropic = provider == int(LlmSettings::Provider::Anthropic);
    server.enqueue(anthropic ? MockLlmServer::anthropicRows(bad) : MockLlmServer::openAiRows(bad));
    server.enqueue(anthropic ? MockLlmServer::anthropicRows(good)
                             : MockLlmServer::openAiRows(good));
    GenerationOptions o = MockGeneration::options(server, 3, LlmSettings::Provider(provider));
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("bookings"), o, client);
    QCOMPARE(result.inserted, 3);
    QCOMPARE(result.rejected, 3);
    QVERIFY2(result.rejectionReasons.contains(
                 QStringLiteral("\"day\" needs a date in the layout yyyy-MM-dd, got 20240617")),
             qPrintable(result.rejectionReasons.join(u'\n')));
    QVERIFY(result.rejectionReasons.contains(
        QStringLiteral("\"day\" needs a date in the layout yyyy-MM-dd, got \"2024-13-45\"")));
    QVERIFY(result.rejectionReasons.contains(QStringLiteral("\"paid\" needs one of [0,1], got 2")));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM bookings WHERE id > 2 AND "
                                        "typeof(day) = 'text' AND date(day) = day AND paid IN "
                                        "(0, 1)"))
                 .toInt(),
             3);
    // The row schema: dates as strings in their layout, the boolean as 0 or 1, the decimal a
    // number; properties and the sample rows in table order.
    const QByteArray body = server.requests().first().body;
    const QJsonObject rowSchema =
        anthropic ? server.requests()
                        .first()
                        .json()[QLatin1String("tools")][0][QLatin1String("input_schema")]
                        .toObject()
                  : server.requests()
                        .first()
                        .json()[QLatin1String("response_format")][QLatin1String("json_schema")]
                               [QLatin1String("schema")]
                        .toObject();
    const QJsonObject columns = rowSchema[QLatin1String("properties")][QLatin1String("rows")]
                                         [QLatin1String("items")][QLatin1String("properties")]
                                             .toObject();
    QCOMPARE(columns[QLatin1String("day")].toObject(),
             (QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                          {QStringLiteral("pattern"), QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$")}}));
    QCOMPARE(columns[QLatin1String("starts_at")][QLatin1String("pattern")].toString(),
             QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));
    QCOMPARE(columns[QLatin1String("paid")][QLatin1String("enum")].toArray(),
             (QJsonArray{0, 1, QJsonValue()}));
    QCOMPARE(columns[QLatin1String("amount")][QLatin1String("type")].toArray(),
             (QJsonArray{QStringLiteral("number"), QStringLiteral("null")}));
    const QList<QByteArray> order{"\"zone\":{", "\"day\":{", "\"starts_at\":{", "\"paid\":{",
                                  "\"amount\":{"};
    for (qsizetype i = 1; i < order.size(); ++i)
        QVERIFY2(body.indexOf(order[i - 1]) < body.indexOf(order[i]), order[i].constData());
    const QByteArray samples = body.mid(body.indexOf("Sample rows:"));
    QVERIFY(samples.indexOf("zone") < samples.indexOf("day") &&
            samples.indexOf("day") < samples.indexOf("amount"));
}

void TestGenerationPipeline::aSchemaTrueModelFillsTypedColumns_data()
{
    typesComeFromTheStoredValues_data();
}

void TestGenerationPipeline::aSchemaTrueModelFillsTypedColumns()
{
    // The mock answers as a model under constrained decoding does: exactly the schema's types,
    // patterns and enums, in its order. Ten rows of ordinary DATE, TIMESTAMP, BOOLEAN and
    // DECIMAL columns come back valid, the dates in the table's own layouts.
    QFETCH(int, provider);
    TempDatabase temp({QStringLiteral("CREATE TABLE bookings (id INTEGER PRIMARY KEY, zone TEXT, "
                                      "day DATE NOT NULL, starts_at TIMESTAMP, paid BOOLEAN, "
                                      "amount DECIMAL(10,2), stamp TEXT)"),
                       QStringLiteral("INSERT INTO bookings (zone, day, starts_at, paid, amount, "
                                      "stamp) VALUES ('north', '2024-06-01', '2024-06-01 "
                                      "09:30:00', 1, 12.5, '01/06/2024'), ('south', '2024-06-02', "
                                      "'2024-06-02 14:00:00', 0, 80.25, '02/06/2024'), ('west', "
                                      "'2024-06-03', NULL, 1, 7, '03/06/2024')")});
    MockLlmServer server;
    server.answerFromSchema();
    GenerationOptions o = MockGeneration::options(server, 10, LlmSettings::Provider(provider));
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("bookings"), o, client);
    QVERIFY2(result.rejected == 0, qPrintable(result.rejectionReasons.join(u'\n')));
    QCOMPARE(result.inserted, 10);
    QCOMPARE(result.requests, 1);
    QCOMPARE(temp.scalar(QStringLiteral(
                             "SELECT count(*) FROM bookings WHERE id > 3 AND typeof(day) = 'text' "
                             "AND date(day) = day AND (starts_at IS NULL OR strftime('%Y-%m-%d "
                             "%H:%M:%S', starts_at) = starts_at) AND paid IN (0, 1) AND "
                             "typeof(amount) IN ('real', 'integer') AND stamp GLOB "
                             "'[0-3][0-9]/[01][0-9]/[12][0-9][0-9][0-9]'"))
                 .toInt(),
             10);
}

QStringList TestGenerationPipeline::schema()
{
    return {
        QStringLiteral("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT)"),
        QStringLiteral("INSERT INTO teams VALUES (1, 'red'), (2, 'blue')"),
        QStringLiteral("CREATE TABLE \"people; --\" (id INTEGER PRIMARY KEY, email TEXT NOT NULL "
                       "UNIQUE, city TEXT NOT NULL, team INTEGER REFERENCES teams (id), "
                       "age INTEGER CHECK (age >= 18))"),
        QStringLiteral("INSERT INTO \"people; --\" (email, city, team, age) VALUES "
                       "('ann@x.io', 'Oslo', 1, 30), ('bo@x.io', 'Rome', 2, 41)")};
}

QJsonObject TestGenerationPipeline::person(const QString &email, const QJsonValue &city, int parent)
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("city"), city},
            {QStringLiteral("team"), parent},
            {QStringLiteral("age"), 25}};
}

void TestGenerationPipeline::insertsValidRowsAndSaysSo()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows({person("cy@x.io"), person("di@x.io", "Lima", 2)}));
    GenerationOptions o = MockGeneration::options(server, 2);
    LlmClient client(o.llm);
    // Token usage is logged per run; the key never is.
    QTest::ignoreMessage(
        QtInfoMsg, QRegularExpression(QStringLiteral(
                       "^table=people; -- provider=OpenAI model=gpt-4.1-mini-2025-04-14 "
                       "requests=1 input_tokens=512 output_tokens=300 inserted=2 rejected=0$")));
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.inserted, 2);
    QCOMPARE(result.rejected, 0);
    QCOMPARE(result.requests, 1);
    QCOMPARE(result.inputTokens + result.outputTokens, 812);
    QCOMPARE(result.rowids, (QList<qint64>{3, 4}));
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT group_concat(email) FROM \"people; --\"")).toString(),
        QStringLiteral("ann@x.io,bo@x.io,cy@x.io,di@x.io"));
    QVERIFY2(result.summary().startsWith(
                 QStringLiteral("Added 2 rows to people; -- · OpenAI gpt-4.1-mini-2025-04-14 · ")),
             qPrintable(result.summary()));
    QVERIFY(result.summary().endsWith(QLatin1String("812 tokens")));
    const QJsonObject json = result.toJson();
    for (const char *key : {"table", "requested", "inserted", "rejected", "provider", "model",
                            "input_tokens", "output_tokens", "seconds"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
}

void TestGenerationPipeline::promptCarriesSchemaConstraintsProfileAndSamples()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows({person("cy@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 1);
    LlmClient client(o.llm);
    GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    const QJsonObject body = server.requests().first().json();
    const QString user = body.value(QStringLiteral("messages"))
                             .toArray()[1]
                             .toObject()
                             .value(QStringLiteral("content"))
                             .toString();
    QVERIFY(user.contains(QLatin1String("CREATE TABLE \"people; --\"")));
    QVERIFY(user.contains(QLatin1String(
        "email is UNIQUE; these values exist and must not be used: [\"ann@x.io\",\"bo@x.io\"]")));
    // Foreign keys are the engine's: existing parent keys, not asked of the model.
    QVERIFY(user.contains(
        QLatin1String("team is filled by Rowforge with existing keys of teams: leave it out.")));
    QVERIFY(user.contains(QLatin1String("CHECK on age: age >= 18")));
    QVERIFY(user.contains(QLatin1String("id is filled by the database: leave it out.")));
    QVERIFY(user.contains(QLatin1String("Sample rows:")));
    QVERIFY(user.contains(QLatin1String("\"email\":\"ann@x.io\"")));
    QVERIFY(user.contains(QLatin1String("\"format\":\"email\"")));
    QVERIFY(user.contains(
        QLatin1String("Generate 1 new rows with exactly these columns: email, city, age.")));
    const QJsonObject rowSchema = body.value(QStringLiteral("response_format"))
                                      .toObject()
                                      .value(QStringLiteral("json_schema"))
                                      .toObject()
                                      .value(QStringLiteral("schema"))
                                      .toObject()
                                      .value(QStringLiteral("properties"))
                                      .toObject()
                                      .value(QStringLiteral("rows"))
                                      .toObject()
                                      .value(QStringLiteral("items"))
                                      .toObject();
    const QJsonObject properties = rowSchema.value(QStringLiteral("properties")).toObject();
    QCOMPARE(properties.keys(), (QStringList{"age", "city", "email"}));
    QCOMPARE(properties.value(QStringLiteral("email"))
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("string"));
    QCOMPARE(
        properties.value(QStringLiteral("age")).toObject().value(QStringLiteral("type")).toArray(),
        (QJsonArray{"integer", "null"}));
    QCOMPARE(rowSchema.value(QStringLiteral("additionalProperties")).toBool(true), false);
}

void TestGenerationPipeline::samplesStayHomeWhenNotAllowed()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows({person("cy@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 1);
    o.share = GenerationOptions::Share::Stats;
    LlmClient client(o.llm);
    GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    const QByteArray body = server.requests().first().body;
    QVERIFY(!body.contains("Sample rows"));
    QVERIFY(!body.contains("Rome")); // a value only the sample rows would carry
}

void TestGenerationPipeline::engineFillsKeysAndUuids()
{
    // An integer key that is not the rowid and a UUID column: the model is not asked for them
    // (the schema it gets lacks them), the engine writes them, new and valid.
    TempDatabase temp({QStringLiteral("CREATE TABLE tickets (id INTEGER PRIMARY KEY, number "
                                      "INTEGER NOT NULL UNIQUE, ref TEXT NOT NULL UNIQUE, title "
                                      "TEXT NOT NULL)"),
                       QStringLiteral("INSERT INTO tickets (number, ref, title) VALUES (1041, "
                                      "'6f1c2a0e-3b8d-4c6e-9a51-2f7d9e0b4c11', 'Printer jam'), "
                                      "(1042, 'a9d4e7b2-51c0-4f3a-8e2d-6b1f0c9a7e55', 'No VPN')")});
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(
        {QJsonObject{{QStringLiteral("title"), QStringLiteral("Screen flickers")}},
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Mail full")}}}));
    GenerationOptions o = MockGeneration::options(server, 2);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("tickets"), o, client);
    QCOMPARE(result.inserted, 2);
    const QJsonObject schema = server.requests()
                                   .first()
                                   .json()[QLatin1String("response_format")]
                                          [QLatin1String("json_schema")][QLatin1String("schema")]
                                   .toObject();
    QCOMPARE(schema[QLatin1String("properties")][QLatin1String("rows")][QLatin1String("items")]
                   [QLatin1String("properties")]
                       .toObject()
                       .keys(),
             QStringList{QStringLiteral("title")});
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(number) FROM tickets WHERE id > 2"))
                 .toString(),
             QStringLiteral("1043,1044"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE id > 2 AND ref GLOB "
                                        "'[0-9a-f]*-[0-9a-f]*-4[0-9a-f]*-[0-9a-f]*-[0-9a-f]*' AND "
                                        "length(ref) = 36"))
                 .toInt(),
             2);
}

void TestGenerationPipeline::shareLevelsSendOnlyWhatTheySay()
{
    // Every stored text value of the table (and of the parent table's keys, which are 1 and 2).
    const QList<QByteArray> stored{"ann@x.io", "bo@x.io", "Oslo", "Rome"};
    using Share = GenerationOptions::Share;
    for (const Share share : {Share::Schema, Share::Stats, Share::Values, Share::Rows}) {
        for (const auto mode : {GenerationOptions::Mode::Rows, GenerationOptions::Mode::Recipe}) {
            TempDatabase temp(schema());
            MockLlmServer server;
            server.enqueue(MockLlmServer::openAiRows({person("cy@x.io")}));
            GenerationOptions o = MockGeneration::options(server, 1);
            o.share = share;
            o.mode = mode;
            o.useRecipeCache = false;
            o.recipeCacheDir = temp.folder();
            LlmClient client(o.llm);
            try {
                GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
            } catch (const RowforgeError &) {
                // Recipe mode gets rows, not a recipe, from this script: only the request counts.
            }
            QVERIFY(!server.requests().isEmpty());
            for (const MockLlmServer::Request &request : server.requests()) {
                const QByteArray &body = request.body;
                // Below Values no stored value leaves; from Values on existing unique values
                // do (the model must avoid them), from Rows sample rows too.
                for (const QByteArray &value : stored) {
                    if (share < Share::Values)
                        QVERIFY2(!body.contains(value), value.constData());
                }
                if (share >= Share::Values)
                    QVERIFY(body.contains("ann@x.io"));
                if (share == Share::Rows)
                    QVERIFY(body.contains("Rome"));
                QCOMPARE(body.contains("Sample rows"), share == Share::Rows);
                QCOMPARE(body.contains("Column profile"), share != Share::Schema);
            }
        }
    }
    QCOMPARE(GenerationOptions::shareSentence(Share::Stats),
             QStringLiteral("The schema and statistics without stored values (null shares, numeric "
                            "ranges, formats, lengths) are sent."));
}

void TestGenerationPipeline::rejectedRowsAreToppedUp()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows({person("cy@x.io"),
                                              person("ann@x.io"),              // UNIQUE
                                              person("ed@x.io", QJsonValue()), // NOT NULL
                                              person("fi@x.io", "Oslo", 9)})); // key replaced
    server.enqueue(
        MockLlmServer::openAiRows({person("gus@x.io"), person("hal@x.io"), person("ivy@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 4);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.requests, 2);
    QCOMPARE(result.inserted, 4); // 1 + 3; nothing past what was asked for
    QCOMPARE(result.rejected, 2);
    const QString followUp = server.requests()[1]
                                 .json()
                                 .value(QStringLiteral("messages"))
                                 .toArray()[1]
                                 .toObject()
                                 .value(QStringLiteral("content"))
                                 .toString();
    QVERIFY(followUp.contains(QLatin1String("Generate 2 new rows")));
    QVERIFY(followUp.contains(QLatin1String("UNIQUE constraint failed")));
    QVERIFY(followUp.contains(QLatin1String("\"city\" must not be NULL")));
    // The model's team 9 was never used: the engine wrote an existing key.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM \"people; --\" WHERE team NOT IN "
                                        "(1, 2)"))
                 .toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM \"people; --\"")).toInt(), 6);
}

void TestGenerationPipeline::failuresWriteNothing_data()
{
    QTest::addColumn<QList<MockLlmServer::Response>>("script");
    QTest::addColumn<QString>("message");
    QTest::newRow("401") << QList<MockLlmServer::Response>{MockLlmServer::error(
                                401, R"({"error":{"message":"bad key","code":"invalid_api_key"}})")}
                         << "OpenAI rejected the API key (401)";
    // Cut off before one row was complete, even when asked for a single row.
    QTest::newRow("truncated")
        << QList<MockLlmServer::Response>{MockLlmServer::openAiText(QStringLiteral("{\"rows\":[{"),
                                                                    QStringLiteral("length")),
                                          MockLlmServer::openAiText(QStringLiteral("{\"rows\":[{"),
                                                                    QStringLiteral("length"))}
        << "OpenAI cut its answer off at the output token limit (32768 "
           "tokens) before one row was complete";
    QTest::newRow("wrong columns every time")
        << QList<MockLlmServer::Response>{MockLlmServer::openAiRows({QJsonObject{
                                              {QStringLiteral("mail"), QStringLiteral("x")}}}),
                                          MockLlmServer::openAiRows({QJsonObject{
                                              {QStringLiteral("mail"), QStringLiteral("y")}}}),
                                          MockLlmServer::openAiRows({QJsonObject{
                                              {QStringLiteral("mail"), QStringLiteral("z")}}})}
        << "sent no valid row for \"people; --\" in 3 requests: unknown column \"mail\"";
    QTest::newRow("wrong types every time")
        << QList<MockLlmServer::Response>{MockLlmServer::openAiRows({QJsonObject{
                                              {QStringLiteral("email"), QStringLiteral("q@x.io")},
                                              {QStringLiteral("city"), QStringLiteral("A")},
                                              {QStringLiteral("team"), 1},
                                              {QStringLiteral("age"), QStringLiteral("old")}}}),
                                          MockLlmServer::openAiRows({}),
                                          MockLlmServer::openAiRows({})}
        << "\"age\" needs an integer, got \"old\"";
}

void TestGenerationPipeline::failuresWriteNothing()
{
    QFETCH(QList<MockLlmServer::Response>, script);
    QFETCH(QString, message);
    TempDatabase temp(schema());
    MockLlmServer server;
    for (const auto &response : script)
        server.enqueue(response);
    GenerationOptions o = MockGeneration::options(server, 2);
    LlmClient client(o.llm);
    try {
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
        QFAIL("a failed generation reported success");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM \"people; --\"")).toInt(), 2);
}

void TestGenerationPipeline::hostileValuesAreStoredLiterally()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(
        {person("'); DROP TABLE teams;--", "Robert\"); DROP TABLE x;--")}));
    GenerationOptions o = MockGeneration::options(server, 1);
    LlmClient client(o.llm);
    GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT city FROM \"people; --\" WHERE email LIKE '''%'"))
                 .toString(),
             QStringLiteral("Robert\"); DROP TABLE x;--"));
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("teams")).has_value());
}

void TestGenerationPipeline::dryRunInsertsNothing()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows({person("cy@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 1);
    o.dryRun = true;
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.inserted, 0);
    QCOMPARE(result.validRows.size(), 1);
    QCOMPARE(result.validRows[0].value(QStringLiteral("email")).toString(),
             QStringLiteral("cy@x.io"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM \"people; --\"")).toInt(), 2);
}

void TestGenerationPipeline::emptyTableIsSaidSo()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE cities (name TEXT NOT NULL, country TEXT)")});
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(
        {QJsonObject{{QStringLiteral("name"), QStringLiteral("Oslo")},
                     {QStringLiteral("country"), QStringLiteral("Norway")}}}));
    GenerationOptions o = MockGeneration::options(server, 1);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("cities"), o, client);
    QVERIFY(result.emptyTable);
    QCOMPARE(result.inserted, 1);
    QVERIFY(server.requests().first().body.contains("The table is empty"));
}

void TestGenerationPipeline::anthropicWorksTheSame()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::anthropicRows({person("cy@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 1, LlmSettings::Provider::Anthropic);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.inserted, 1);
    QCOMPARE(result.provider, QStringLiteral("Anthropic"));
    QVERIFY(server.requests()
                .first()
                .json()
                .value(QStringLiteral("system"))
                .toString()
                .contains(QLatin1String("JSON")));
}

void TestGenerationPipeline::laterRequestsKnowTheUniqueValuesUsed()
{
    // Four rows two at a time, with statistics only shared: the second request lists the two
    // e-mail addresses the first answer used (the model's own values, not stored ones), and
    // the first lists none.
    TempDatabase temp(schema());
    MockLlmServer server;
    server.setRowMaker(
        [](int index) { return person(QStringLiteral("made%1@example.org").arg(index)); });
    GenerationOptions o = MockGeneration::options(server, 4);
    o.rowsPerRequest = 2;
    o.share = GenerationOptions::Share::Stats;
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.inserted, 4);
    QCOMPARE(server.requests().size(), 2);
    const QString first = server.requests()[0]
                              .json()[QLatin1String("messages")][1][QLatin1String("content")]
                              .toString();
    const QString second = server.requests()[1]
                               .json()[QLatin1String("messages")][1][QLatin1String("content")]
                               .toString();
    QVERIFY(!first.contains(QLatin1String("already used")));
    QVERIFY2(second.contains(QStringLiteral("These UNIQUE values were already used by your "
                                            "earlier rows; do not use them again:\n- email: "
                                            "[\"made0@example.org\",\"made1@example.org\"]")),
             qPrintable(second));
    // Stored values still stay home at this share level.
    QVERIFY(!second.contains(QLatin1String("ann@x.io")));
}

void TestGenerationPipeline::undoRemovesExactlyTheUnchangedGeneratedRows()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(
        MockLlmServer::openAiRows({person("cy@x.io"), person("di@x.io"), person("ed@x.io")}));
    GenerationOptions o = MockGeneration::options(server, 3);
    LlmClient client(o.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people; --"), o, client);
    QCOMPARE(result.insertedValues.size(), 3);
    // One generated row is edited after the fact, and an identical-looking row is added by hand.
    temp.exec(QStringLiteral("UPDATE \"people; --\" SET city = 'Edited' WHERE email = 'di@x.io'"));
    temp.exec(QStringLiteral(
        "INSERT INTO \"people; --\" (email, city, team, age) VALUES ('fy@x.io', 'Oslo', 1, 25)"));
    QCOMPARE(GenerationUndo::undo(temp.db(), result), 2);
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT group_concat(email) FROM \"people; --\"")).toString(),
        QStringLiteral("ann@x.io,bo@x.io,di@x.io,fy@x.io"));
    QCOMPARE(GenerationUndo::undo(temp.db(), result), 0); // nothing left to undo
}

QTEST_GUILESS_MAIN(TestGenerationPipeline)
#include "tst_GenerationPipeline.moc"
