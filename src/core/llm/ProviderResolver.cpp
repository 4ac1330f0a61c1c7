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
            provider = QStringLiteral("offline"); // no key: the local engine
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
        settings.apiKey = choice.compatibleKey;
        if (choice.baseUrl.isEmpty() && choice.baseUrlFor.value(provider).isEmpty() &&
            qEnvironmentVariableIsEmpty("OPENAI_BASE_URL"))
            throw RowforgeError(
                QStringLiteral("An OpenAI-compatible server needs its base URL, e.g. "
                               "http://localhost:11434/v1 for Ollama"));
        // Ollama's own variable, when this computer runs it with a larger window.
        const int ollama = qEnvironmentVariableIntValue("OLLAMA_CONTEXT_LENGTH");
        settings.contextTokens = choice.contextTokens > 0 ? choice.contextTokens
                                 : choice.contextTokens < 0
                                     ? 0
                                     : (ollama > 0 ? ollama : LlmSettings::DefaultLocalContext);
    } else if (provider == QLatin1String("offline")) {
        settings.provider = LlmSettings::Provider::Offline;
        return settings;
    } else {
        throw RowforgeError(QStringLiteral("Unknown provider \"%1\" (use %2)")
                                .arg(choice.provider, providerNames().join(QStringLiteral(", "))));
    }
    const QString model = choice.model.isEmpty() ? choice.modelFor.value(provider) : choice.model;
    settings.model = model.isEmpty() ? LlmSettings::defaultModel(settings.provider) : model;
    settings.baseUrl =
        choice.baseUrl.isEmpty() ? choice.baseUrlFor.value(provider) : choice.baseUrl;
    return settings;
}
