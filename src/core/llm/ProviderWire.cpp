#include "ProviderWire.h"

#include "AnthropicWire.h"
#include "OpenAiWire.h"

std::unique_ptr<ProviderWire> ProviderWire::create(const LlmSettings &settings)
{
    if (settings.provider == LlmSettings::Provider::Anthropic)
        return std::make_unique<AnthropicWire>();
    return std::make_unique<OpenAiWire>();
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
