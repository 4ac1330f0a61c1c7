#include "MockLlmServer.h"

#include "SchemaAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <limits>
#include <memory>

QJsonObject MockLlmServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

MockLlmServer::MockLlmServer()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("mock LLM server cannot listen: %s", qPrintable(m_server.errorString()));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QString MockLlmServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void MockLlmServer::enqueue(const Response &response)
{
    m_script << response;
}

namespace {

// OpenAI's strict structured outputs (shared/docs/llm-wire-formats.md): every object closes
// additionalProperties and requires all its properties; only the supported types and keywords.
// Returns the service's complaint, or an empty string.
QString strictViolation(const QJsonObject &schema, const QString &where, int depth)
{
    static const QStringList types{"string", "number", "integer", "boolean",
                                   "object", "array",  "null"};
    static const QStringList formats{"date-time", "date", "time", "duration", "email",
                                     "hostname",  "ipv4", "ipv6", "uuid"};
    if (depth > 10)
        return QStringLiteral("In context=%1, schema nesting exceeds 10 levels.").arg(where);
    QStringList declared;
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString())
        declared << type.toString();
    for (const QJsonValue &item : type.toArray())
        declared << item.toString();
    if (declared.isEmpty() && !schema.contains(QLatin1String("enum")) &&
        !schema.contains(QLatin1String("anyOf")))
        return QStringLiteral("In context=%1, schema must have a 'type' key.").arg(where);
    for (const QString &name : declared) {
        if (!types.contains(name))
            return QStringLiteral("In context=%1, type '%2' is not supported.").arg(where, name);
    }
    if (schema.contains(QLatin1String("format")) &&
        !formats.contains(schema.value(QLatin1String("format")).toString()))
        return QStringLiteral("In context=%1, format '%2' is not supported.")
            .arg(where, schema.value(QLatin1String("format")).toString());
    if (declared.contains(QLatin1String("object"))) {
        if (schema.value(QLatin1String("additionalProperties")) != QJsonValue(false))
            return QStringLiteral("In context=%1, 'additionalProperties' is required to be "
                                  "supplied and to be false.")
                .arg(where);
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonArray required = schema.value(QLatin1String("required")).toArray();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
            if (!required.contains(it.key()))
                return QStringLiteral("In context=%1, 'required' is required to be supplied and "
                                      "to be an array including every key in properties. Missing "
                                      "'%2'.")
                    .arg(where, it.key());
            const QString inner = strictViolation(
                it.value().toObject(), where + QStringLiteral(", 'properties', '%1'").arg(it.key()),
                depth + 1);
            if (!inner.isEmpty())
                return inner;
        }
    }
    if (declared.contains(QLatin1String("array")))
        return strictViolation(schema.value(QLatin1String("items")).toObject(),
                               where + QStringLiteral(", 'items'"), depth + 1);
    return {};
}

bool isAnthropic(const QByteArray &path)
{
    return path.endsWith("/messages");
}

// The output token limit as the services keep it: an answer longer than the request's limit
// (about 4 characters a token) is cut there. OpenAI cuts the text and says finish_reason
// "length"; Anthropic keeps the tool input that fitted and says stop_reason "max_tokens".
int outputLimit(const MockLlmServer::Request &request)
{
    const QJsonObject sent = request.json();
    return sent
        .value(QLatin1String(isAnthropic(request.path) ? "max_tokens" : "max_completion_tokens"))
        .toInt(sent.value(QLatin1String("max_tokens")).toInt(0));
}

// The schema of one row in a request, in either provider's format.
QJsonObject rowSchemaOf(const MockLlmServer::Request &request)
{
    const QJsonObject sent = request.json();
    const QJsonObject envelope =
        isAnthropic(request.path)
            ? sent.value(QLatin1String("tools"))
                  .toArray()
                  .first()[QLatin1String("input_schema")]
                  .toObject()
            : sent.value(QLatin1String(
                  "response_format"))[QLatin1String("json_schema")][QLatin1String("schema")]
                  .toObject();
    return envelope
        .value(QLatin1String("properties"))[QLatin1String("rows")][QLatin1String("items")]
        .toObject();
}

QByteArray cutAtTheLimit(const MockLlmServer::Request &request, const QByteArray &body)
{
    const int limit = outputLimit(request);
    QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (limit <= 0 || answer.isEmpty())
        return body;
    const qsizetype characters = qsizetype(limit) * 4;
    if (isAnthropic(request.path)) {
        QJsonArray content = answer.value(QLatin1String("content")).toArray();
        if (content.isEmpty())
            return body;
        QJsonObject block = content.first().toObject();
        const QJsonArray rows =
            block.value(QLatin1String("input")).toObject().value(QLatin1String("rows")).toArray();
        QJsonArray kept;
        qsizetype used = 10;
        for (const QJsonValue &row : rows) {
            used += QJsonDocument(row.toObject()).toJson(QJsonDocument::Compact).size() + 1;
            if (used > characters)
                break;
            kept << row;
        }
        if (kept.size() == rows.size())
            return body;
        block.insert(QStringLiteral("input"), QJsonObject{{QStringLiteral("rows"), kept}});
        content[0] = block;
        answer.insert(QStringLiteral("content"), content);
        answer.insert(QStringLiteral("stop_reason"), QStringLiteral("max_tokens"));
        return QJsonDocument(answer).toJson(QJsonDocument::Compact);
    }
    QJsonArray choices = answer.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return body;
    QJsonObject choice = choices.first().toObject();
    QJsonObject message = choice.value(QLatin1String("message")).toObject();
    const QString text = message.value(QLatin1String("content")).toString();
    if (text.size() <= characters)
        return body;
    message.insert(QStringLiteral("content"), text.left(characters));
    choice.insert(QStringLiteral("message"), message);
    choice.insert(QStringLiteral("finish_reason"), QStringLiteral("length"));
    choices[0] = choice;
    answer.insert(QStringLiteral("choices"), choices);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

} // namespace

void MockLlmServer::stream(QTcpSocket *socket, const Response &response)
{
    // A chat completion as OpenAI-compatible servers stream it: content in small deltas, the
    // finish reason in the last chunk, then usage, then [DONE]; no Content-Length.
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const QJsonObject choice = answer.value(QLatin1String("choices")).toArray().first().toObject();
    const QString content = choice.value(QLatin1String("message"))
                                .toObject()
                                .value(QLatin1String("content"))
                                .toString();
    QList<QByteArray> events;
    auto event = [](const QJsonObject &chunk) {
        return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    };
    constexpr int Piece = 40;
    for (qsizetype at = 0; at < content.size(); at += Piece)
        events << event(
            QJsonObject{{QStringLiteral("model"), answer.value(QLatin1String("model"))},
                        {QStringLiteral("choices"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("index"), 0},
                             {QStringLiteral("delta"),
                              QJsonObject{{QStringLiteral("content"), content.mid(at, Piece)}}},
                             {QStringLiteral("finish_reason"), QJsonValue()}}}}});
    events << event(
        QJsonObject{{QStringLiteral("choices"),
                     QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                            {QStringLiteral("delta"), QJsonObject{}},
                                            {QStringLiteral("finish_reason"),
                                             choice.value(QLatin1String("finish_reason"))}}}}});
    events << event(QJsonObject{{QStringLiteral("choices"), QJsonArray{}},
                                {QStringLiteral("usage"), answer.value(QLatin1String("usage"))}});
    events << QByteArray("data: [DONE]\n\n");
    if (!response.midStreamError.isEmpty()) {
        events = events.mid(0, events.size() / 2);
        events << event(QJsonObject{
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("message"), QStringLiteral("The server had an error "
                                                                    "while processing your "
                                                                    "request.")},
                         {QStringLiteral("type"), response.midStreamError}}}});
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: "
                  "close\r\n\r\n");
    sendEvents(socket, events, response.chunkDelayMs);
}

void MockLlmServer::streamAnthropic(QTcpSocket *socket, const Response &response,
                                    const Request &request)
{
    // Messages streaming: the tool input arrives as pieces of JSON text, cut where the output
    // token limit falls (mid-row, as a real model is cut), then the stop reason and usage.
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    QString stop = answer.value(QLatin1String("stop_reason")).toString();
    qsizetype room = qsizetype(outputLimit(request)) * 4;
    if (room <= 0)
        room = std::numeric_limits<qsizetype>::max();
    auto event = [](const char *name, const QJsonObject &data) {
        return QByteArray("event: ") + name +
               "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    };
    QList<QByteArray> events;
    QJsonObject start = answer;
    start.insert(QStringLiteral("content"), QJsonArray{});
    start.insert(QStringLiteral("stop_reason"), QJsonValue());
    start.insert(QStringLiteral("usage"),
                 QJsonObject{{QStringLiteral("input_tokens"),
                              answer[QLatin1String("usage")][QLatin1String("input_tokens")]},
                             {QStringLiteral("output_tokens"), 1}});
    events << event("message_start", {{QStringLiteral("type"), QStringLiteral("message_start")},
                                      {QStringLiteral("message"), start}});
    events << event("ping", {{QStringLiteral("type"), QStringLiteral("ping")}});
    const QJsonArray blocks = answer.value(QLatin1String("content")).toArray();
    for (int index = 0; index < blocks.size() && room > 0; ++index) {
        const QJsonObject block = blocks[index].toObject();
        const bool tool =
            block.value(QLatin1String("type")).toString() == QLatin1String("tool_use");
        QByteArray text = !tool ? block.value(QLatin1String("text")).toString().toUtf8()
                          : !response.toolInputText.isEmpty()
                              ? response.toolInputText
                              : QJsonDocument(block.value(QLatin1String("input")).toObject())
                                    .toJson(QJsonDocument::Compact);
        if (text.size() > room) {
            text.truncate(room);
            stop = QStringLiteral("max_tokens");
        }
        room -= text.size();
        QJsonObject opened = block;
        if (tool)
            opened.insert(QStringLiteral("input"), QJsonObject{});
        else
            opened.insert(QStringLiteral("text"), QString());
        events << event("content_block_start",
                        {{QStringLiteral("type"), QStringLiteral("content_block_start")},
                         {QStringLiteral("index"), index},
                         {QStringLiteral("content_block"), opened}});
        const QString written = QString::fromUtf8(text);
        constexpr int Piece = 40;
        for (qsizetype at = 0; at < written.size(); at += Piece) {
            const QJsonObject delta =
                tool ? QJsonObject{{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                                   {QStringLiteral("partial_json"), written.mid(at, Piece)}}
                     : QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                   {QStringLiteral("text"), written.mid(at, Piece)}};
            events << event("content_block_delta",
                            {{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                             {QStringLiteral("index"), index},
                             {QStringLiteral("delta"), delta}});
        }
        events << event("content_block_stop",
                        {{QStringLiteral("type"), QStringLiteral("content_block_stop")},
                         {QStringLiteral("index"), index}});
    }
    events << event(
        "message_delta",
        {{QStringLiteral("type"), QStringLiteral("message_delta")},
         {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), stop},
                                               {QStringLiteral("stop_sequence"), QJsonValue()}}},
         {QStringLiteral("usage"),
          QJsonObject{{QStringLiteral("output_tokens"),
                       answer[QLatin1String("usage")][QLatin1String("output_tokens")]}}}});
    events << event("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}});
    if (!response.midStreamError.isEmpty()) {
        events = events.mid(0, events.size() / 2);
        events << event("error",
                        {{QStringLiteral("type"), QStringLiteral("error")},
                         {QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("type"), response.midStreamError},
                                      {QStringLiteral("message"), QStringLiteral("Overloaded")}}}});
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: "
                  "close\r\n\r\n");
    sendEvents(socket, events, response.chunkDelayMs);
}

void MockLlmServer::sendEvents(QTcpSocket *socket, const QList<QByteArray> &events, int delayMs)
{
    if (delayMs <= 0) {
        for (const QByteArray &e : events)
            socket->write(e);
        socket->disconnectFromHost();
        return;
    }
    auto *timer = new QTimer(socket);
    auto remaining = std::make_shared<QList<QByteArray>>(events);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, remaining] {
        if (remaining->isEmpty()) {
            timer->stop();
            socket->disconnectFromHost();
            return;
        }
        socket->write(remaining->takeFirst());
        socket->flush();
    });
    timer->start(delayMs);
}

void MockLlmServer::checkContext(const Request &request)
{
    if (m_contextWindow <= 0)
        return;
    const QJsonObject sent = request.json();
    qsizetype characters = sent.value(QLatin1String("system")).toString().size();
    for (const QJsonValue &message : sent.value(QLatin1String("messages")).toArray())
        characters += message[QLatin1String("content")].toString().size();
    characters += QJsonDocument(rowSchemaOf(request)).toJson(QJsonDocument::Compact).size();
    if (characters / 4 + outputLimit(request) > m_contextWindow)
        ++m_contextOverflows;
}

MockLlmServer::Response MockLlmServer::answerAsked(const Request &request)
{
    const QJsonObject sent = request.json();
    QString prompt;
    for (const QJsonValue &message : sent.value(QLatin1String("messages")).toArray()) {
        if (message[QLatin1String("role")].toString() == QLatin1String("user"))
            prompt = message[QLatin1String("content")].toString();
    }
    static const QRegularExpression asked(QStringLiteral("Generate (\\d+) new rows"));
    const int count = asked.match(prompt).captured(1).toInt();
    const QJsonObject rowSchema = rowSchemaOf(request);
    QByteArrayList rows;
    for (int i = 0; i < count; ++i, ++m_made)
        rows << (m_rowMaker ? QJsonDocument(m_rowMaker(m_made)).toJson(QJsonDocument::Compact)
                            : SchemaAnswer::row(rowSchema, m_made));
    const QByteArray text = "{\"rows\":[" + rows.join(',') + "]}";
    if (!isAnthropic(request.path))
        return openAiText(QString::fromUtf8(text));
    Response response = anthropicRows(
        QJsonDocument::fromJson(text).object().value(QLatin1String("rows")).toArray());
    response.toolInputText = text;
    return response;
}

void MockLlmServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (int i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() - headerEnd - 4 < length)
        return; // the body is still coming
    request.body = buffer.mid(headerEnd + 4, length);
    m_buffers.remove(socket);
    m_requests << request;
    if (request.method == "GET" && request.path.endsWith("/v1/models")) {
        QJsonArray data;
        for (const QString &model : std::as_const(m_models))
            data << QJsonObject{{QStringLiteral("id"), model},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("owned_by"), QStringLiteral("library")}};
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                      {QStringLiteral("data"), data}})
                .toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: "
                      "close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }

    const QJsonObject format = request.json()
                                   .value(QLatin1String("response_format"))
                                   .toObject()
                                   .value(QLatin1String("json_schema"))
                                   .toObject();
    const QString violation =
        format.value(QLatin1String("strict")).toBool()
            ? strictViolation(format.value(QLatin1String("schema")).toObject(),
                              QStringLiteral("()"), 0)
            : QString();
    Response response =
        !violation.isEmpty()
            ? error(400,
                    QJsonDocument(
                        QJsonObject{
                            {QStringLiteral("error"),
                             QJsonObject{
                                 {QStringLiteral("message"),
                                  QStringLiteral("Invalid schema for response_format "
                                                 "'%1': %2")
                                      .arg(format.value(QLatin1String("name")).toString(),
                                           violation)},
                                 {QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                                 {QStringLiteral("param"), QStringLiteral("response_format")},
                                 {QStringLiteral("code"), QJsonValue()}}}})
                        .toJson(QJsonDocument::Compact))
        : !m_script.isEmpty() ? m_script.takeFirst()
        : m_rowMaker || m_fromSchema
            ? answerAsked(request)
            : error(500, R"({"error":{"message":"no scripted response left"}})");
    checkContext(request);
    const bool streamed = request.json().value(QLatin1String("stream")).toBool();
    // A body that is no message or completion goes out as it is, as a broken server sends it.
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const bool wellFormed = answer.contains(QLatin1String("choices")) ||
                            answer.value(QLatin1String("type")) == QLatin1String("message");
    if (response.status == 200 && streamed && wellFormed && isAnthropic(request.path)) {
        streamAnthropic(socket, response, request);
        return;
    }
    if (response.status == 200)
        response.body = cutAtTheLimit(request, response.body);
    if (response.status == 200 && streamed && wellFormed) {
        stream(socket, response);
        return;
    }
    if (response.action == Response::Hang)
        return; // keep the connection open, say nothing
    if (response.action == Response::Drop) {
        socket->abort();
        return;
    }
    QByteArray reply = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    reply += "Content-Type: application/json\r\nConnection: close\r\n";
    reply += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        reply += name + ": " + value + "\r\n";
    reply += "\r\n" + response.body;
    socket->write(reply);
    socket->disconnectFromHost();
}

MockLlmServer::Response MockLlmServer::openAiText(const QString &content,
                                                  const QString &finishReason)
{
    const QJsonObject body{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("model"), QStringLiteral("gpt-4.1-mini-2025-04-14")},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("finish_reason"), finishReason},
                                {QStringLiteral("message"),
                                 QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                             {QStringLiteral("content"), content},
                                             {QStringLiteral("refusal"), QJsonValue()}}}}}},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 512},
                                              {QStringLiteral("completion_tokens"), 300},
                                              {QStringLiteral("total_tokens"), 812}}}};
    Response response;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

MockLlmServer::Response MockLlmServer::openAiRows(const QJsonArray &rows,
                                                  const QString &finishReason)
{
    return openAiText(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("rows"), rows}})
                                            .toJson(QJsonDocument::Compact)),
                      finishReason);
}

MockLlmServer::Response MockLlmServer::anthropicRows(const QJsonArray &rows,
                                                     const QString &stopReason)
{
    const QJsonObject body{
        {QStringLiteral("id"), QStringLiteral("msg_01")},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), QStringLiteral("claude-haiku-4-5-20251001")},
        {QStringLiteral("content"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                         {QStringLiteral("id"), QStringLiteral("toolu_01")},
                         {QStringLiteral("name"), QStringLiteral("emit_rows")},
                         {QStringLiteral("input"), QJsonObject{{QStringLiteral("rows"), rows}}}}}},
        {QStringLiteral("stop_reason"), stopReason},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 400},
                                              {QStringLiteral("output_tokens"), 250}}}};
    Response response;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

MockLlmServer::Response MockLlmServer::error(int status, const QByteArray &json,
                                             QList<QPair<QByteArray, QByteArray>> headers)
{
    Response response;
    response.status = status;
    response.body = json;
    response.headers = std::move(headers);
    return response;
}
