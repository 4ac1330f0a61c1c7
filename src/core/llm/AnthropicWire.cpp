#include "AnthropicWire.h"

#include "OrderedJson.h"
#include "RowsParser.h"
#include "util/RowforgeError.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

QUrl AnthropicWire::endpoint(const LlmSettings &settings) const
{
    QString base = settings.baseUrl;
    if (base.isEmpty())
        base =
            qEnvironmentVariable("ANTHROPIC_BASE_URL", QStringLiteral("https://api.anthropic.com"));
    return join(base, QStringLiteral("messages"));
}

QList<QPair<QByteArray, QByteArray>> AnthropicWire::headers(const LlmSettings &settings) const
{
    return {{"x-api-key", settings.apiKey.toUtf8()},
            {"anthropic-version", "2023-06-01"},
            {"content-type", "application/json"}};
}

QByteArray AnthropicWire::body(const LlmSettings &settings, const LlmRequest &request,
                               bool withTemperature) const
{
    const bool object = request.wantsObject();
    const QJsonObject schema =
        object ? request.objectSchema : rowsEnvelope(request.rowSchema, false);
    const QString tool =
        object ? QStringLiteral("emit_") + request.objectName : QStringLiteral("emit_rows");
    QJsonObject body{
        {QStringLiteral("model"), settings.model},
        {QStringLiteral("max_tokens"), settings.outputLimitFor(request)},
        {QStringLiteral("stream"), true},
        {QStringLiteral("system"), request.system},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), request.user}}}},
        {QStringLiteral("tools"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), tool},
                                {QStringLiteral("description"),
                                 object ? QStringLiteral("Return the %1").arg(request.objectName)
                                        : QStringLiteral("Return the generated rows")},
                                {QStringLiteral("input_schema"), schema}}}},
        {QStringLiteral("tool_choice"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("tool")},
                     {QStringLiteral("name"), tool}}}};
    if (withTemperature)
        body.insert(QStringLiteral("temperature"), std::clamp(settings.temperature, 0.0, 1.0));
    return OrderedJson::write(body, request.keyOrder);
}

QByteArray AnthropicWire::assembleStream(const QByteArray &events)
{
    // message_start carries the message (model, input usage); content_block_start opens a
    // block, content_block_delta adds text or pieces of the tool input's JSON; message_delta
    // carries the stop reason and output usage. A tool input cut off mid-way cannot be parsed:
    // it is kept as text ("partial_json") for the rows that are complete in it.
    QJsonObject message;
    QList<QJsonObject> blocks;
    QStringList pieces;
    for (const QJsonObject &event : streamEvents(events)) {
        const QString type = event.value(QLatin1String("type")).toString();
        const int index = event.value(QLatin1String("index")).toInt();
        // A block index out of any real answer's range (found by fuzzing: -5) is not a block.
        const bool validIndex = index >= 0 && index < MaxContentBlocks;
        if (type == QLatin1String("message_start")) {
            message = event.value(QLatin1String("message")).toObject();
        } else if (type == QLatin1String("content_block_start") && validIndex) {
            while (blocks.size() <= index) {
                blocks << QJsonObject();
                pieces << QString();
            }
            blocks[index] = event.value(QLatin1String("content_block")).toObject();
        } else if (type == QLatin1String("content_block_delta") && validIndex &&
                   index < blocks.size()) {
            const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
            pieces[index] += delta.value(QLatin1String("partial_json")).toString() +
                             delta.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("message_delta")) {
            const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
            for (auto it = delta.begin(); it != delta.end(); ++it)
                message.insert(it.key(), it.value());
            QJsonObject usage = message.value(QLatin1String("usage")).toObject();
            const QJsonObject more = event.value(QLatin1String("usage")).toObject();
            for (auto it = more.begin(); it != more.end(); ++it)
                usage.insert(it.key(), it.value());
            message.insert(QStringLiteral("usage"), usage);
        }
    }
    QJsonArray content;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QJsonObject block = blocks[i];
        if (block.value(QLatin1String("type")).toString() == QLatin1String("text")) {
            block.insert(QStringLiteral("text"), pieces[i]);
        } else if (block.value(QLatin1String("type")).toString() == QLatin1String("tool_use")) {
            const QJsonDocument input = QJsonDocument::fromJson(pieces[i].toUtf8());
            if (input.isObject())
                block.insert(QStringLiteral("input"), input.object());
            else
                block.remove(QStringLiteral("input"));
            block.insert(QStringLiteral("partial_json"), pieces[i]);
        }
        content << block;
    }
    message.insert(QStringLiteral("content"), content);
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

qsizetype AnthropicWire::streamedCharacters(const QJsonObject &event) const
{
    if (event.value(QLatin1String("type")).toString() != QLatin1String("content_block_delta"))
        return 0;
    const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
    return delta.value(QLatin1String("partial_json")).toString().size() +
           delta.value(QLatin1String("text")).toString().size();
}

ProviderWire::Error AnthropicWire::streamError(const QByteArray &body) const
{
    // event: error / data: {"type":"error","error":{"type":"overloaded_error",…}}: the status
    // the same error has outside a stream (shared/docs/llm-wire-formats.md).
    static const QHash<QString, int> statuses{{QStringLiteral("invalid_request_error"), 400},
                                              {QStringLiteral("authentication_error"), 401},
                                              {QStringLiteral("billing_error"), 402},
                                              {QStringLiteral("permission_error"), 403},
                                              {QStringLiteral("not_found_error"), 404},
                                              {QStringLiteral("request_too_large"), 413},
                                              {QStringLiteral("rate_limit_error"), 429},
                                              {QStringLiteral("api_error"), 500},
                                              {QStringLiteral("timeout_error"), 504},
                                              {QStringLiteral("overloaded_error"), 529}};
    for (const QJsonObject &event : streamEvents(body)) {
        if (event.value(QLatin1String("type")).toString() != QLatin1String("error"))
            continue;
        const QJsonObject error = event.value(QLatin1String("error")).toObject();
        Error result;
        result.type = error.value(QLatin1String("type")).toString(QStringLiteral("error"));
        result.message = errorMessage(error, body);
        result.status = statuses.value(result.type, 500);
        result.retryable = retryableStatus(result.status);
        return result;
    }
    return {};
}

LlmReply AnthropicWire::parseSuccess(const QByteArray &received, const LlmRequest &request) const
{
    const QByteArray body = isStream(received) ? assembleStream(received) : received;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("message"))
        throw RowforgeError(QStringLiteral("the answer is not a message (it begins: \"%1\")")
                                .arg(QString::fromUtf8(body.left(80)).simplified()));
    const QString stop = root.value(QLatin1String("stop_reason")).toString();
    const bool truncated = stop == QLatin1String("max_tokens");
    if (truncated && request.wantsObject())
        throw RowforgeError(QStringLiteral("the answer was cut off at the output token limit "
                                           "(stop_reason: max_tokens)"));
    if (stop == QLatin1String("refusal"))
        throw RowforgeError(QStringLiteral("the model refused to answer"));
    LlmReply reply;
    bool found = false;
    for (const QJsonValue &block : root.value(QLatin1String("content")).toArray()) {
        const QJsonObject content = block.toObject();
        if (content.value(QLatin1String("type")).toString() == QLatin1String("tool_use") &&
            request.wantsObject()) {
            reply.object = content.contains(QLatin1String("input"))
                               ? content.value(QLatin1String("input")).toObject()
                               : RowsParser::parseObject(
                                     content.value(QLatin1String("partial_json")).toString());
            found = true;
            break;
        }
        if (content.value(QLatin1String("type")).toString() == QLatin1String("text") &&
            request.wantsObject()) {
            reply.object = RowsParser::parseObject(content.value(QLatin1String("text")).toString());
            found = true;
            continue;
        }
        if (content.value(QLatin1String("type")).toString() == QLatin1String("tool_use")) {
            if (!content.contains(QLatin1String("input"))) {
                // Streamed and cut off: the tool input's JSON ends mid-row.
                const QString partial = content.value(QLatin1String("partial_json")).toString();
                reply.rows =
                    truncated ? RowsParser::completeRows(partial) : RowsParser::parse(partial);
                found = true;
                break;
            }
            bool ok = false;
            reply.rows = RowsParser::fromJson(content.value(QLatin1String("input")), &ok);
            if (!ok && !truncated)
                throw RowforgeError(QStringLiteral("the tool input holds no rows array"));
            found = true;
            break;
        }
        if (content.value(QLatin1String("type")).toString() == QLatin1String("text")) {
            reply.rows = RowsParser::parse(content.value(QLatin1String("text")).toString());
            found = true;
        }
    }
    if (!found && !truncated)
        throw RowforgeError(QStringLiteral("the answer holds no rows"));
    // Cut at max_tokens: what arrived is kept; the caller asks for the rest in smaller requests.
    reply.truncated = truncated;
    readUsage(root, "input_tokens", "output_tokens", reply);
    return reply;
}

ProviderWire::Error AnthropicWire::parseError(int status, const QByteArray &body) const
{
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    Error result;
    result.type = error.value(QLatin1String("type")).toString();
    result.message = errorMessage(error, body);
    const bool spendLimit = error.value(QLatin1String("details"))
                                .toObject()
                                .value(QLatin1String("error_code"))
                                .toString() == QLatin1String("enforced_spend_limit_reached");
    result.retryable = retryableStatus(status) && !spendLimit;
    return result;
}
