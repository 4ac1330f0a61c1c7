#include "LlmSettings.h"

#include "LlmRequest.h"

#include <QJsonDocument>

QString LlmSettings::providerName(Provider provider)
{
    switch (provider) {
    case Provider::OpenAI:
        return QStringLiteral("OpenAI");
    case Provider::Anthropic:
        return QStringLiteral("Anthropic");
    case Provider::OpenAICompatible:
        return QStringLiteral("OpenAI-compatible server");
    case Provider::Offline:
        return QStringLiteral("Offline");
    }
    return {};
}

QString LlmSettings::defaultModel(Provider provider)
{
    switch (provider) {
    case Provider::OpenAI:
        return QStringLiteral("gpt-4.1-mini");
    case Provider::Anthropic:
        return QStringLiteral("claude-haiku-4-5");
    case Provider::OpenAICompatible:
        return QStringLiteral("llama3.2");
    case Provider::Offline:
        break;
    }
    return {};
}

int LlmSettings::outputLimit() const
{
    if (maxOutputTokens > 0)
        return maxOutputTokens;
    const QString name = model.toLower();
    if (provider == Provider::OpenAI) {
        if (name.startsWith(QLatin1String("gpt-4.1")))
            return 32768;
        if (name.startsWith(QLatin1String("gpt-4o")))
            return 16384;
    }
    if (provider == Provider::Anthropic) {
        if (name.startsWith(QLatin1String("claude-haiku-4")) ||
            name.startsWith(QLatin1String("claude-sonnet-4")))
            return 64000;
        if (name.startsWith(QLatin1String("claude-opus-4")))
            return 32000;
    }
    return 4096;
}

int LlmSettings::outputLimitFor(qint64 promptTokens) const
{
    if (contextTokens <= 0)
        return outputLimit();
    return int(std::clamp<qint64>(contextTokens - promptTokens, 0, outputLimit()));
}

int LlmSettings::outputLimitFor(const LlmRequest &request) const
{
    return outputLimitFor(tokensOf(request.promptCharacters()));
}
