#include "ProviderWire.h"

#include "AnthropicWire.h"
#include "OpenAiWire.h"

#include <QJsonArray>
#include <QJsonDocument>

std::unique_ptr<ProviderWire> ProviderWire::create(const LlmSettings &settings)
{
    if (settings.provider == LlmSettings::Provider::Anthropic)
        return std::make_unique<AnthropicWire>();
    return std::make_unique<OpenAiWire>();
}

QUrl ProviderWire::modelsEndpoint(const LlmSettings &settings) const
{
    // The same base as the endpoint: {base}/v1/<path> becomes {base}/v1/models.
    QUrl url = endpoint(settings);
    QString path = url.path();
    path.truncate(path.indexOf(QLatin1String("/v1/")) + 4);
    url.setPath(path + QStringLiteral("models"));
    return url;
}

// The SDKs' base URL variables come with or without /v1: accept both.
QUrl ProviderWire::join(const QString &base, const QString &path)
{
    QString root = base.trimmed();
    while (root.endsWith(u'/'))
        root.chop(1);
    if (root.endsWith(QLatin1String("/v1")))
        root.chop(3);
    return QUrl(root + QStringLiteral("/v1/") + path);
}

QJsonObject ProviderWire::rowsEnvelope(const QJsonObject &rowSchema, bool closed)
{
    QJsonObject envelope{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("rows"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                  {QStringLiteral("items"), rowSchema}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("rows")}}};
    if (closed)
        envelope.insert(QStringLiteral("additionalProperties"), false);
    return envelope;
}

void ProviderWire::readUsage(const QJsonObject &root, const char *inputKey, const char *outputKey,
                             LlmReply &reply)
{
    reply.model = root.value(QLatin1String("model")).toString();
    const QJsonObject usage = root.value(QLatin1String("usage")).toObject();
    reply.inputTokens = usage.value(QLatin1String(inputKey)).toInteger();
    reply.outputTokens = usage.value(QLatin1String(outputKey)).toInteger();
}

QString ProviderWire::errorMessage(const QJsonObject &error, const QByteArray &body)
{
    const QString message = error.value(QLatin1String("message")).toString();
    return message.isEmpty() ? QString::fromUtf8(body.left(200)).simplified() : message;
}

bool ProviderWire::retryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

bool ProviderWire::isStream(const QByteArray &body)
{
    const QByteArray start = body.left(64).trimmed();
    return start.startsWith("data:") || start.startsWith("event:") || start.startsWith(':');
}

QList<QJsonObject> ProviderWire::streamEvents(const QByteArray &body)
{
    QList<QJsonObject> events;
    for (const QByteArray &line : body.split('\n')) {
        const QByteArray data = line.trimmed();
        if (!data.startsWith("data:"))
            continue; // event names, comments (keep-alives), blank separators
        const QJsonObject event = QJsonDocument::fromJson(data.mid(5).trimmed()).object();
        if (!event.isEmpty())
            events << event;
    }
    return events;
}
