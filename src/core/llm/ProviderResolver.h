#pragma once

#include "LlmSettings.h"

#include <QHash>
#include <QStringList>

// Turns what the user chose (provider name or auto, model, base URL, key from the settings
// dialog) and the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_BASE_URL,
// ANTHROPIC_BASE_URL, as the official SDKs read them) into the settings of one provider.
class ProviderResolver
{
public:
    struct Choice
    {
        QString provider =
            QStringLiteral("auto"); // auto|openai|anthropic|openai-compatible|offline
        QString model;
        QString baseUrl;
        QString openAiKey; // from the settings dialog; the environment is the fallback
        QString anthropicKey;
        // A compatible server's own key: never the OpenAI key, which goes to OpenAI only.
        QString compatibleKey;
        // Per provider name, used when model / baseUrl above are empty: switching provider
        // never carries one provider's URL (and so its key) to another.
        QHash<QString, QString> modelFor, baseUrlFor;
        // A local server's context window in tokens: 0 reads OLLAMA_CONTEXT_LENGTH, else
        // Ollama's default (4,096); negative: not limited.
        int contextTokens = 0;
    };
    // Throws RowforgeError with what to set when no provider can be used.
    static LlmSettings resolve(const Choice &choice);
    static QStringList providerNames();
};
