#include "MockLlmServer.h"
#include "llm/AnthropicWire.h"
#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "llm/RowsParser.h"
#include "util/RowforgeError.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>
#include <QtTest>

class TestLlmClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSlowAnswerStreamsPastTheTimeout_data();
    void aSlowAnswerStreamsPastTheTimeout();
    void anErrorMidStreamIsRetried_data();
    void anErrorMidStreamIsRetried();
    void aStreamCutMidRowKeepsTheCompleteRows();
    void streamBlockIndexesOutOfRangeAreIgnored();
    void aPromptBeyondTheContextWindowSaysWhatToSet();
    void credentialsInAUrlAreNeverPrinted();
    void theOpenAiKeyGoesToOpenAiOnly();
    void cancelEndsABackOffAtOnce();
    void completeRowsOfACutAnswer();
    void strictSchemaViolationsAreRefusedAsTheServiceDoes();
    void openAiRequestAndRows();
    void anthropicRequestAndRows();
    void retriesHonourRetryAfter();
    void serverErrorsAreRetriedThenExplained();
    void anthropicOverloadedIsRetried();
    void neverRetried_data();
    void neverRetried();
    void hangingRequestTimesOut();
    void droppedConnectionIsRetried();
    void truncatedAndRefusedAnswers();
    void proseAndFencesAreParsed();
    void temperatureDroppedForReasoningModels();
    void plainHttpOnlyForThisComputer();
    void missingKeyNamesTheVariable();

private:
    static LlmSettings settings(const MockLlmServer &server,
                                LlmSettings::Provider provider = LlmSettings::Provider::OpenAI);
    static LlmRequest request();
    static QJsonArray twoRows();
    static QString failure(LlmClient &client);
};

LlmSettings TestLlmClient::settings(const MockLlmServer &server, LlmSettings::Provider provider)
{
    LlmSettings s;
    s.provider = provider;
    s.model = LlmSettings::defaultModel(provider);
    s.baseUrl = server.baseUrl();
    s.apiKey = QStringLiteral("sk-test-123");
    s.timeoutMs = 5000;
    return s;
}

LlmRequest TestLlmClient::request()
{
    LlmRequest request;
    request.system = QStringLiteral("You generate rows.");
    request.user = QStringLiteral("Make 2 rows.");
    // A row schema as strict structured outputs take it (the mock checks, as the service does).
    request.rowSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("name"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("name")}},
        {QStringLiteral("additionalProperties"), false}};
    return request;
}

QJsonArray TestLlmClient::twoRows()
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Ann")}},
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Bo")}}};
}

QString TestLlmClient::failure(LlmClient &client)
{
    try {
        client.complete(request());
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return QStringLiteral("<no error>");
}

void TestLlmClient::openAiRequestAndRows()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server));
    const LlmReply reply = client.complete(request());
    QCOMPARE(reply.rows.size(), 2);
    QCOMPARE(reply.rows[1].value(QStringLiteral("name")).toString(), QStringLiteral("Bo"));
    QCOMPARE(reply.inputTokens, 512);
    QCOMPARE(reply.outputTokens, 300);
    QCOMPARE(server.requests().size(), 1);
    const MockLlmServer::Request &sent = server.requests().first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(sent.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
    const QJsonObject body = sent.json();
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(body.value(QStringLiteral("messages")).toArray().size(), 2);
    const QJsonObject format = body.value(QStringLiteral("response_format")).toObject();
    QCOMPARE(format.value(QStringLiteral("type")).toString(), QStringLiteral("json_schema"));
    QVERIFY(format.value(QStringLiteral("json_schema"))
                .toObject()
                .value(QStringLiteral("strict"))
                .toBool());
    QVERIFY(body.contains(QStringLiteral("max_completion_tokens")));
    QVERIFY(!body.contains(QStringLiteral("max_tokens")));
}

void TestLlmClient::anthropicRequestAndRows()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::anthropicRows(twoRows()));
    LlmClient client(settings(server, LlmSettings::Provider::Anthropic));
    const LlmReply reply = client.complete(request());
    QCOMPARE(reply.rows.size(), 2);
    QCOMPARE(reply.outputTokens, 250);
    const MockLlmServer::Request &sent = server.requests().first();
    QCOMPARE(sent.path, QByteArray("/v1/messages"));
    QCOMPARE(sent.headers.value("x-api-key"), QByteArray("sk-test-123"));
    QCOMPARE(sent.headers.value("anthropic-version"), QByteArray("2023-06-01"));
    const QJsonObject body = sent.json();
    QCOMPARE(body.value(QStringLiteral("system")).toString(), QStringLiteral("You generate rows."));
    QCOMPARE(body.value(QStringLiteral("tool_choice"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("emit_rows"));
    QVERIFY(body.value(QStringLiteral("max_tokens")).toInt() > 0);
}

void TestLlmClient::retriesHonourRetryAfter()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::error(
        429, R"({"error":{"message":"slow down","code":"rate_limit_exceeded"}})",
        {{"retry-after-ms", "30"}}));
    server.enqueue(MockLlmServer::error(
        429, R"({"error":{"message":"slow down","code":"rate_limit_exceeded"}})",
        {{"retry-after", "0"}}));
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server));
    QElapsedTimer timer;
    timer.start();
    const LlmReply reply = client.complete(request());
    QCOMPARE(reply.rows.size(), 2);
    QCOMPARE(reply.attempts, 3);
    QCOMPARE(server.requests().size(), 3);
    QVERIFY(timer.elapsed() < 3000); // the headers' short waits, not the default backoff
}

void TestLlmClient::serverErrorsAreRetriedThenExplained()
{
    MockLlmServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue(MockLlmServer::error(500,
                                            R"({"error":{"message":"boom","type":"server_error"}})",
                                            {{"retry-after-ms", "5"}}));
    LlmClient client(settings(server));
    const QString message = failure(client);
    QCOMPARE(server.requests().size(), 3); // 1 + 2 retries
    QCOMPARE(message,
             QStringLiteral(
                 "OpenAI had a server error (500) after 3 attempts: boom — try again later."));
}

void TestLlmClient::anthropicOverloadedIsRetried()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::error(
        529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})",
        {{"retry-after", "0"}}));
    server.enqueue(MockLlmServer::anthropicRows(twoRows()));
    LlmClient client(settings(server, LlmSettings::Provider::Anthropic));
    QCOMPARE(client.complete(request()).rows.size(), 2);
    QCOMPARE(server.requests().size(), 2);
}

void TestLlmClient::neverRetried_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const int openai = int(LlmSettings::Provider::OpenAI),
              anthropic = int(LlmSettings::Provider::Anthropic);
    QTest::newRow("401")
        << anthropic << 401
        << QByteArray(
               R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})")
        << "Anthropic rejected the API key (401) — open Generation Settings to fix it.";
    QTest::newRow("400")
        << openai << 400
        << QByteArray(R"({"error":{"message":"bad schema","type":"invalid_request_error"}})")
        << "OpenAI rejected the request (400): bad schema";
    QTest::newRow("404")
        << openai << 404
        << QByteArray(R"({"error":{"message":"model not found","code":"model_not_found"}})")
        << "OpenAI does not know the model or address (404): model not found";
    QTest::newRow("quota")
        << openai << 429
        << QByteArray(
               R"({"error":{"message":"You exceeded your quota","code":"insufficient_quota"}})")
        << "OpenAI is limiting requests (429): You exceeded your quota";
    QTest::newRow("spend limit")
        << anthropic << 429
        << QByteArray(
               R"({"type":"error","error":{"type":"rate_limit_error","message":"limit","details":{"error_code":"enforced_spend_limit_reached"}}})")
        << "Anthropic is limiting requests (429): limit";
}

void TestLlmClient::neverRetried()
{
    QFETCH(int, provider);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    MockLlmServer server;
    server.enqueue(MockLlmServer::error(status, body));
    server.enqueue(MockLlmServer::openAiRows(twoRows())); // must not be reached
    LlmClient client(settings(server, LlmSettings::Provider(provider)));
    const QString error = failure(client);
    QVERIFY2(error.startsWith(message), qPrintable(error));
    QCOMPARE(server.requests().size(), 1);
}

void TestLlmClient::hangingRequestTimesOut()
{
    MockLlmServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue({0, {}, {}, MockLlmServer::Response::Hang});
    LlmSettings s = settings(server);
    s.timeoutMs = 300;
    s.maxRetries = 1;
    LlmClient client(s);
    const QString error = failure(client);
    QCOMPARE(server.requests().size(), 2);
    QVERIFY2(error.startsWith(QLatin1String("OpenAI did not answer within 0.3 s after 2 attempts")),
             qPrintable(error));
}

void TestLlmClient::droppedConnectionIsRetried()
{
    MockLlmServer server;
    server.enqueue({0, {}, {}, MockLlmServer::Response::Drop});
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server));
    QCOMPARE(client.complete(request()).rows.size(), 2);
    QCOMPARE(server.requests().size(), 2);
}

void TestLlmClient::truncatedAndRefusedAnswers()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiText(QStringLiteral("{\"rows\":[{\"name\":\"A"),
                                             QStringLiteral("length")));
    server.enqueue(MockLlmServer::anthropicRows(twoRows(), QStringLiteral("max_tokens")));
    server.enqueue(MockLlmServer::openAiText(QStringLiteral("{\"rows\":[{\"name\":")));
    // Cut at the output limit: not a failure; the rows that were complete come back, marked.
    LlmClient openai(settings(server));
    const LlmReply cut = openai.complete(request());
    QVERIFY(cut.truncated);
    QCOMPARE(cut.rows.size(), 0);
    LlmClient anthropic(settings(server, LlmSettings::Provider::Anthropic));
    const LlmReply kept = anthropic.complete(request());
    QVERIFY(kept.truncated);
    QCOMPARE(kept.rows.size(), 2);
    QVERIFY(failure(openai).startsWith(QLatin1String("OpenAI: the answer holds no JSON rows")));
}

void TestLlmClient::completeRowsOfACutAnswer()
{
    const QList<QJsonObject> rows = RowsParser::completeRows(QStringLiteral(
        R"({"rows":[{"name":"Ann","note":"a } in \"text\""},{"name":"Bo"},{"name":"C)"));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].value(QStringLiteral("note")).toString(), QStringLiteral("a } in \"text\""));
    QCOMPARE(rows[1].value(QStringLiteral("name")).toString(), QStringLiteral("Bo"));
    QVERIFY(RowsParser::completeRows(QStringLiteral("{\"rows\":[{")).isEmpty());
}

void TestLlmClient::proseAndFencesAreParsed()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiText(
        QStringLiteral("Sure! Here are your "
                       "rows:\n```json\n[{\"name\":\"Ann\"},{\"name\":\"Bo\"}]\n```\nEnjoy.")));
    server.enqueue(MockLlmServer::openAiText(
        QStringLiteral("The data: {\"rows\": [{\"name\": \"Cy\"}]} as asked.")));
    LlmClient client(settings(server));
    QCOMPARE(client.complete(request()).rows.size(), 2);
    QCOMPARE(client.complete(request()).rows.first().value(QStringLiteral("name")).toString(),
             QStringLiteral("Cy"));
}

void TestLlmClient::temperatureDroppedForReasoningModels()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::error(
        400,
        R"({"error":{"message":"Unsupported value: 'temperature' does not support 0.7","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}})"));
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server));
    QCOMPARE(client.complete(request()).rows.size(), 2);
    QCOMPARE(server.requests().size(), 2);
    QVERIFY(server.requests()[0].json().contains(QStringLiteral("temperature")));
    QVERIFY(!server.requests()[1].json().contains(QStringLiteral("temperature")));
}

void TestLlmClient::plainHttpOnlyForThisComputer()
{
    LlmSettings s;
    s.baseUrl = QStringLiteral("http://api.example.com");
    s.apiKey = QStringLiteral("sk-secret");
    s.model = QStringLiteral("m");
    LlmClient client(s);
    QCOMPARE(failure(client),
             QStringLiteral("OpenAI: plain http:// is only allowed for this computer "
                            "(localhost); use https:// for api.example.com"));
}

void TestLlmClient::missingKeyNamesTheVariable()
{
    MockLlmServer server;
    LlmSettings s = settings(server, LlmSettings::Provider::Anthropic);
    s.apiKey.clear();
    LlmClient client(s);
    QVERIFY(failure(client).contains(QLatin1String("ANTHROPIC_API_KEY")));
    QCOMPARE(server.requests().size(), 0);
}

void TestLlmClient::strictSchemaViolationsAreRefusedAsTheServiceDoes()
{
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server, LlmSettings::Provider::OpenAI));
    LlmRequest loose = request();
    loose.rowSchema.remove(QStringLiteral("additionalProperties"));
    QString message;
    try {
        client.complete(loose);
    } catch (const RowforgeError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("(400)")) &&
                 message.contains(QLatin1String("'additionalProperties' is required to be "
                                                "supplied and to be false")),
             qPrintable(message));
    // The scripted answer was not used: a valid request gets it.
    QCOMPARE(client.complete(request()).rows.size(), 2);
}

void TestLlmClient::cancelEndsABackOffAtOnce()
{
    // The service asks to wait 30 s; Cancel after 0.3 s must not wait for the rest.
    MockLlmServer server;
    server.enqueue(
        MockLlmServer::error(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "30"}}));
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    LlmClient client(settings(server, LlmSettings::Provider::OpenAI));
    QTimer::singleShot(300, [&client] { client.cancel(); });
    QElapsedTimer timer;
    timer.start();
    QString message;
    try {
        client.complete(request());
    } catch (const RowforgeError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("cancelled")), qPrintable(message));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(server.requests().size(), 1);
}

void TestLlmClient::theOpenAiKeyGoesToOpenAiOnly()
{
    // OPENAI_API_KEY is set, and a compatible server is chosen: the key stays home.
    qputenv("OPENAI_API_KEY", "sk-openai-secret");
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    ProviderResolver::Choice choice;
    choice.provider = QStringLiteral("openai-compatible");
    choice.baseUrlFor.insert(QStringLiteral("openai-compatible"), server.baseUrl());
    const LlmSettings compatible = ProviderResolver::resolve(choice);
    qunsetenv("OPENAI_API_KEY");
    QVERIFY(compatible.apiKey.isEmpty());
    QCOMPARE(compatible.baseUrl, server.baseUrl());
    LlmClient client(compatible);
    QCOMPARE(client.complete(request()).rows.size(), 2);
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer local"));
    // A server's own key is sent to it; and local servers read max_tokens: what Ollama's
    // default window leaves after the prompt.
    choice.compatibleKey = QStringLiteral("sk-local-7");
    QCOMPARE(ProviderResolver::resolve(choice).apiKey, QStringLiteral("sk-local-7"));
    QCOMPARE(compatible.contextTokens, LlmSettings::DefaultLocalContext);
    QCOMPARE(server.requests().first().json()[QLatin1String("max_tokens")].toInt(),
             int(4096 - LlmSettings::tokensOf(request().promptCharacters())));
}

void TestLlmClient::credentialsInAUrlAreNeverPrinted()
{
    LlmSettings s;
    s.provider = LlmSettings::Provider::OpenAICompatible;
    s.model = QStringLiteral("llama3.2");
    s.baseUrl = QStringLiteral("http://admin:hunter2@127.0.0.1:1/v1"); // nothing listens on 1
    s.maxRetries = 0;
    s.timeoutMs = 2000;
    LlmClient client(s);
    const QString message = failure(client);
    QVERIFY2(message.startsWith(QLatin1String("OpenAI-compatible server: Cannot reach")) ||
                 message.contains(QLatin1String("Cannot reach")),
             qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("hunter2")) &&
                 !message.contains(QLatin1String("admin")),
             qPrintable(message));
}

void TestLlmClient::aSlowAnswerStreamsPastTheTimeout_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<int>("chunkDelayMs");
    QTest::addColumn<int>("timeoutMs");
    QTest::newRow("openai") << int(LlmSettings::Provider::OpenAI) << 250 << 1000;
    QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic) << 250 << 1000;
    QTest::newRow("local") << int(LlmSettings::Provider::OpenAICompatible) << 250 << 1000;
    // A local model on a CPU taking half a minute, with a 5 s timeout.
    QTest::newRow("local, 30 s") << int(LlmSettings::Provider::OpenAICompatible) << 1800 << 5000;
}

void TestLlmClient::aSlowAnswerStreamsPastTheTimeout()
{
    // A slow model (a local one on a CPU, a busy service): a chunk every 250 ms for about 4 s,
    // with a 1 s inactivity timeout, or every 1.8 s for 30 s. Streamed, the answer arrives
    // whole and progress counts the text as it comes; waited for in silence, it would time out.
    QFETCH(int, provider);
    QFETCH(int, chunkDelayMs);
    QFETCH(int, timeoutMs);
    const bool anthropic = provider == int(LlmSettings::Provider::Anthropic);
    MockLlmServer server;
    QJsonArray rows;
    for (int i = 0; i < 12; ++i)
        rows << QJsonObject{
            {QStringLiteral("name"), QStringLiteral("Person number %1 with a longer name").arg(i)}};
    MockLlmServer::Response slow =
        anthropic ? MockLlmServer::anthropicRows(rows) : MockLlmServer::openAiRows(rows);
    slow.chunkDelayMs = chunkDelayMs;
    server.enqueue(slow);
    LlmSettings s = settings(server, LlmSettings::Provider(provider));
    s.timeoutMs = timeoutMs;
    s.maxRetries = 0;
    LlmClient client(s);
    QElapsedTimer timer;
    timer.start();
    qint64 midway = 0;
    QTimer::singleShot(8 * chunkDelayMs, [&] { midway = client.receivedTokens(); });
    const LlmReply reply = client.complete(request());
    QVERIFY2(timer.elapsed() > 3 * s.timeoutMs, "the answer was not slow");
    QCOMPARE(reply.rows.size(), 12);
    QCOMPARE(reply.rows.last().value(QStringLiteral("name")).toString(),
             QStringLiteral("Person number 11 with a longer name"));
    QCOMPARE(reply.outputTokens, anthropic ? 250 : 300);
    QVERIFY(server.requests().first().json()[QLatin1String("stream")].toBool());
    // About 4 characters a token of the ~560 characters of rows, counted as they came.
    QVERIFY2(midway > 10 && midway < client.receivedTokens(), qPrintable(QString::number(midway)));
    QVERIFY2(client.receivedTokens() >= 120 && client.receivedTokens() <= 160,
             qPrintable(QString::number(client.receivedTokens())));
}

void TestLlmClient::anErrorMidStreamIsRetried_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<QString>("error");
    QTest::newRow("openai") << int(LlmSettings::Provider::OpenAI) << QStringLiteral("server_error");
    QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic)
                               << QStringLiteral("overloaded_error");
}

void TestLlmClient::anErrorMidStreamIsRetried()
{
    // The service said 200, then failed half-way through the stream: the half answer is not
    // taken for rows, the request is retried as the same error unstreamed would be, and a
    // request that keeps failing says what the service said.
    QFETCH(int, provider);
    QFETCH(QString, error);
    const bool anthropic = provider == int(LlmSettings::Provider::Anthropic);
    MockLlmServer server;
    auto answer = [&] {
        return anthropic ? MockLlmServer::anthropicRows(twoRows())
                         : MockLlmServer::openAiRows(twoRows());
    };
    MockLlmServer::Response broken = answer();
    broken.midStreamError = error;
    server.enqueue(broken);
    server.enqueue(answer());
    LlmSettings s = settings(server, LlmSettings::Provider(provider));
    LlmClient client(s);
    const LlmReply reply = client.complete(request());
    QCOMPARE(reply.rows.size(), 2);
    QCOMPARE(reply.attempts, 2);

    for (int i = 0; i < 3; ++i)
        server.enqueue(broken);
    s.maxRetries = 2;
    LlmClient failing(s);
    const QString message = failure(failing);
    QVERIFY2(message.contains(anthropic ? QLatin1String("(529) after 3 attempts")
                                        : QLatin1String("(500) after 3 attempts")),
             qPrintable(message));
}

void TestLlmClient::aStreamCutMidRowKeepsTheCompleteRows()
{
    // Anthropic streams the tool input as JSON text; at max_tokens it ends mid-row.
    MockLlmServer server;
    QJsonArray rows;
    for (int i = 0; i < 40; ++i)
        rows << QJsonObject{{QStringLiteral("name"), QStringLiteral("Name %1").arg(i)}};
    server.enqueue(MockLlmServer::anthropicRows(rows));
    LlmSettings s = settings(server, LlmSettings::Provider::Anthropic);
    s.maxOutputTokens = 50; // 200 characters: 10 rows of 19 and part of one more
    LlmClient client(s);
    const LlmReply reply = client.complete(request());
    QVERIFY(reply.truncated);
    QCOMPARE(reply.rows.size(), 10);
    QCOMPARE(reply.rows.last().value(QStringLiteral("name")).toString(), QStringLiteral("Name 9"));
}

void TestLlmClient::streamBlockIndexesOutOfRangeAreIgnored()
{
    // Found by fuzzing (tests/fuzz): a content_block_start with index -5 wrote before the list;
    // a huge index would have grown it without end. Neither is a block.
    for (const QByteArray &index : {QByteArray("-5"), QByteArray("2000000000")}) {
        const QByteArray stream =
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":" +
            index +
            ",\"content_block\":{\"type\":\"text\"}}\n\nevent: content_block_delta\ndata: "
            "{\"type\":\"content_block_delta\",\"index\":" +
            index + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n";
        const QJsonObject message =
            QJsonDocument::fromJson(AnthropicWire::assembleStream(stream)).object();
        QCOMPARE(message.value(QLatin1String("content")).toArray().size(), 0);
    }
}

void TestLlmClient::aPromptBeyondTheContextWindowSaysWhatToSet()
{
    // A local server with Ollama's default window: a prompt that leaves no room for an answer
    // is not sent (Ollama would silently drop its start); the error says what to set.
    MockLlmServer server;
    LlmSettings s = settings(server, LlmSettings::Provider::OpenAICompatible);
    s.contextTokens = LlmSettings::DefaultLocalContext;
    LlmRequest big = request();
    big.user = QString(14000, u'x');
    LlmClient client(s);
    QString message;
    try {
        client.complete(big);
    } catch (const RowforgeError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("OLLAMA_CONTEXT_LENGTH")) &&
                 message.contains(QLatin1String("4096 tokens")),
             qPrintable(message));
    QVERIFY(server.requests().isEmpty());
    // One that fits asks for no more answer than the window leaves.
    server.enqueue(MockLlmServer::openAiRows(twoRows()));
    big.user = QString(6000, u'x');
    QCOMPARE(client.complete(big).rows.size(), 2);
    const int maxTokens = server.requests().first().json()[QLatin1String("max_tokens")].toInt();
    QVERIFY2(maxTokens > 256 && maxTokens <= 4096 - 2000, qPrintable(QString::number(maxTokens)));
}

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_LlmClient.moc"
