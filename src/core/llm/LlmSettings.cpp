#include "LlmSettings.h"

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
