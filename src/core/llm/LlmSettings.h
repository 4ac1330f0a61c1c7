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
    int maxOutputTokens = 0; // 0: the model's own limit (outputLimit())

    static QString providerName(Provider provider);
    static QString defaultModel(Provider provider);
    // The output token limit sent with each request: the setting, else what the model allows
    // (gpt-4.1: 32,768; claude-haiku-4-5: 64,000), else 4,096 (local and unknown models).
    int outputLimit() const;
    QString displayName() const { return providerName(provider); }
};
