#include "ProviderResolver.h"

#include "util/RowforgeError.h"

QStringList ProviderResolver::providerNames()
{
    return {QStringLiteral("auto"), QStringLiteral("openai"), QStringLiteral("anthropic"),
            QStringLiteral("openai-compatible"), QStringLiteral("offline")};
}

LlmSettings ProviderResolver::resolve(const Choice &choice)
{
    const QString openAiKey =
        choice.openAiKey.isEmpty() ? qEnvironmentVariable("OPENAI_API_KEY") : choice.openAiKey;
    const QString anthropicKey = choice.anthropicKey.isEmpty()
                                     ? qEnvironmentVariable("ANTHROPIC_API_KEY")
                                     : choice.anthropicKey;
    QString provider = choice.provider.toLower();
    if (provider.isEmpty() || provider == QLatin1String("auto")) {
        if (!openAiKey.isEmpty())
            provider = QStringLiteral("openai");
        else if (!anthropicKey.isEmpty())
            provider = QStringLiteral("anthropic");
        else
            throw RowforgeError(QStringLiteral(
                "No LLM provider is set up: set OPENAI_API_KEY or ANTHROPIC_API_KEY, enter a key "
                "in "
                "Generation Settings, or use a local OpenAI-compatible server (provider "
                "openai-compatible with its base URL). Offline generation without a key is not in "
                "this build yet."));
    }
    LlmSettings settings;
    if (provider == QLatin1String("openai")) {
        settings.provider = LlmSettings::Provider::OpenAI;
        settings.apiKey = openAiKey;
    } else if (provider == QLatin1String("anthropic")) {
        settings.provider = LlmSettings::Provider::Anthropic;
        settings.apiKey = anthropicKey;
    } else if (provider == QLatin1String("openai-compatible")) {
        settings.provider = LlmSettings::Provider::OpenAICompatible;
        settings.apiKey = openAiKey;
        if (choice.baseUrl.isEmpty() && qEnvironmentVariableIsEmpty("OPENAI_BASE_URL"))
            throw RowforgeError(
                QStringLiteral("An OpenAI-compatible server needs its base URL, e.g. "
                               "http://localhost:11434/v1 for Ollama"));
    } else if (provider == QLatin1String("offline")) {
        throw RowforgeError(
            QStringLiteral("Offline generation is not in this build yet; use an LLM "
                           "provider (openai, anthropic or openai-compatible)"));
    } else {
        throw RowforgeError(QStringLiteral("Unknown provider \"%1\" (use %2)")
                                .arg(choice.provider, providerNames().join(QStringLiteral(", "))));
    }
    settings.model =
        choice.model.isEmpty() ? LlmSettings::defaultModel(settings.provider) : choice.model;
    settings.baseUrl = choice.baseUrl;
    return settings;
}
