#pragma once

#include <QString>

// Which model to ask and how. Keys come from the environment (as in the official SDKs) or the
// settings dialog; they are never written to the user's database or a log.
struct LlmSettings
{
    // Offline: no model at all; rows come from the local recipe engine.
    enum class Provider { OpenAI, Anthropic, OpenAICompatible, Offline };

    Provider provider = Provider::OpenAI;
    QString model;
    QString baseUrl; // empty: the provider's default (or OPENAI_BASE_URL / ANTHROPIC_BASE_URL)
    QString apiKey;
    double temperature = 0.7;
    int timeoutMs = 60000;
    int maxRetries = 2;
    int maxOutputTokens = 4096;

    static QString providerName(Provider provider);
    static QString defaultModel(Provider provider);
    QString displayName() const { return providerName(provider); }
};
