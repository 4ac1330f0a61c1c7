#pragma once

#include "LlmSettings.h"

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
    };
    // Throws RowforgeError with what to set when no provider can be used.
    static LlmSettings resolve(const Choice &choice);
    static QStringList providerNames();
};
