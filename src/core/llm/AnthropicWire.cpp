#include "AnthropicWire.h"

#include "OrderedJson.h"
#include "RowsParser.h"
#include "util/RowforgeError.h"

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
        {QStringLiteral("max_tokens"), settings.outputLimit()},
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

LlmReply AnthropicWire::parseSuccess(const QByteArray &body, const LlmRequest &request) const
{
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
            reply.object = content.value(QLatin1String("input")).toObject();
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
