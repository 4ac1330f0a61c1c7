#include "OpenAiWire.h"

#include "OrderedJson.h"
#include "RowsParser.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>

QUrl OpenAiWire::endpoint(const LlmSettings &settings) const
{
    QString base = settings.baseUrl;
    if (base.isEmpty())
        base = qEnvironmentVariable("OPENAI_BASE_URL", QStringLiteral("https://api.openai.com"));
    return join(base, QStringLiteral("chat/completions"));
}

QList<QPair<QByteArray, QByteArray>> OpenAiWire::headers(const LlmSettings &settings) const
{
    // Local servers accept any non-empty token.
    const QString key = settings.apiKey.isEmpty() ? QStringLiteral("local") : settings.apiKey;
    return {{"Authorization", "Bearer " + key.toUtf8()}, {"Content-Type", "application/json"}};
}

QByteArray OpenAiWire::body(const LlmSettings &settings, const LlmRequest &request,
                            bool withTemperature) const
{
    const bool object = request.wantsObject();
    const QJsonObject schema =
        object ? request.objectSchema : rowsEnvelope(request.rowSchema, true);
    QJsonObject body{
        {QStringLiteral("model"), settings.model},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), request.system}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), request.user}}}},
        {QStringLiteral("max_completion_tokens"), settings.outputLimitFor(request)},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
        {QStringLiteral("response_format"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                     {QStringLiteral("json_schema"),
                      QJsonObject{{QStringLiteral("name"),
                                   object ? request.objectName : QStringLiteral("rows")},
                                  // A recipe's columns are open-ended: strict
                                  // mode cannot describe them; Rowforge
                                  // validates the answer itself.
                                  {QStringLiteral("strict"), !object || request.objectIsStrict},
                                  {QStringLiteral("schema"), schema}}}}}};
    if (withTemperature)
        body.insert(QStringLiteral("temperature"), settings.temperature);
    // Local servers (Ollama, llama.cpp, vLLM) read max_tokens and ignore the newer name.
    if (settings.provider == LlmSettings::Provider::OpenAICompatible)
        body.insert(QStringLiteral("max_tokens"), settings.outputLimitFor(request));
    return OrderedJson::write(body, request.keyOrder);
}

QByteArray OpenAiWire::assembleStream(const QByteArray &events)
{
    // data: {"choices":[{"delta":{"content":"…"},"finish_reason":null}]} … data: [DONE]
    QString content, refusal;
    QJsonValue finish, usage;
    QString model;
    for (const QJsonObject &chunk : streamEvents(events)) {
        if (chunk.contains(QLatin1String("model")))
            model = chunk.value(QLatin1String("model")).toString();
        if (chunk.value(QLatin1String("usage")).isObject())
            usage = chunk.value(QLatin1String("usage"));
        const QJsonObject choice =
            chunk.value(QLatin1String("choices")).toArray().first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        content += delta.value(QLatin1String("content")).toString();
        refusal += delta.value(QLatin1String("refusal")).toString();
        if (choice.value(QLatin1String("finish_reason")).isString())
            finish = choice.value(QLatin1String("finish_reason"));
    }
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"), content}};
    if (!refusal.isEmpty())
        message.insert(QStringLiteral("refusal"), refusal);
    const QJsonObject completion{{QStringLiteral("object"), QStringLiteral("chat.completion")},
                                 {QStringLiteral("model"), model},
                                 {QStringLiteral("choices"),
                                  QJsonArray{QJsonObject{{QStringLiteral("finish_reason"), finish},
                                                         {QStringLiteral("message"), message}}}},
                                 {QStringLiteral("usage"), usage}};
    return QJsonDocument(completion).toJson(QJsonDocument::Compact);
}

qsizetype OpenAiWire::streamedCharacters(const QJsonObject &event) const
{
    const QJsonObject delta = event.value(QLatin1String("choices"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("delta"))
                                  .toObject();
    return delta.value(QLatin1String("content")).toString().size() +
           delta.value(QLatin1String("refusal")).toString().size();
}

ProviderWire::Error OpenAiWire::streamError(const QByteArray &body) const
{
    // data: {"error": {"message": …, "type": "server_error", …}} in place of a chunk.
    for (const QJsonObject &event : streamEvents(body)) {
        const QJsonObject error = event.value(QLatin1String("error")).toObject();
        if (error.isEmpty())
            continue;
        Error result;
        result.type = error.value(QLatin1String("code")).toString();
        if (result.type.isEmpty())
            result.type = error.value(QLatin1String("type")).toString(QStringLiteral("error"));
        result.message = errorMessage(error, body);
        result.status = result.type == QLatin1String("rate_limit_exceeded")     ? 429
                        : result.type == QLatin1String("invalid_request_error") ? 400
                                                                                : 500;
        result.retryable = retryableStatus(result.status);
        return result;
    }
    return {};
}

LlmReply OpenAiWire::parseSuccess(const QByteArray &received, const LlmRequest &request) const
{
    const QByteArray body = isStream(received) ? assembleStream(received) : received;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject choice = root.value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    if (root.isEmpty() || message.isEmpty())
        throw RowforgeError(
            QStringLiteral("the answer is not a chat completion (it begins: \"%1\")")
                .arg(QString::fromUtf8(body.left(80)).simplified()));
    const QString finish = choice.value(QLatin1String("finish_reason")).toString();
    if (message.value(QLatin1String("refusal")).isString())
        throw RowforgeError(QStringLiteral("the model refused: %1")
                                .arg(message.value(QLatin1String("refusal")).toString()));
    if (finish == QLatin1String("length")) {
        // Cut at the output token limit: the rows that were complete are kept, and the caller
        // asks for the rest in smaller requests. An object (a recipe) cut off is lost.
        if (request.wantsObject())
            throw RowforgeError(QStringLiteral("the answer was cut off at the output token limit "
                                               "(finish_reason: length)"));
        LlmReply reply;
        reply.truncated = true;
        reply.rows = RowsParser::completeRows(message.value(QLatin1String("content")).toString());
        readUsage(root, "prompt_tokens", "completion_tokens", reply);
        return reply;
    }
    if (finish == QLatin1String("content_filter"))
        throw RowforgeError(QStringLiteral("the answer was withheld by the content filter"));
    LlmReply reply;
    const QString content = message.value(QLatin1String("content")).toString();
    if (request.wantsObject())
        reply.object = RowsParser::parseObject(content);
    else
        reply.rows = RowsParser::parse(content);
    readUsage(root, "prompt_tokens", "completion_tokens", reply);
    return reply;
}

ProviderWire::Error OpenAiWire::parseError(int status, const QByteArray &body) const
{
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    Error result;
    result.type = error.value(QLatin1String("code")).toString();
    if (result.type.isEmpty())
        result.type = error.value(QLatin1String("type")).toString();
    result.message = errorMessage(error, body);
    result.retryable =
        retryableStatus(status) && result.type != QLatin1String("insufficient_quota");
    return result;
}
