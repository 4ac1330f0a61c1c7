#pragma once

#include <QString>

struct LlmRequest;

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
    // A local server's context window, prompt and answer together (Ollama's default is 4,096
    // tokens, and it silently drops the start of a prompt that does not fit); 0: not limited.
    int contextTokens = 0;
    static constexpr int DefaultLocalContext = 4096;

    static QString providerName(Provider provider);
    static QString defaultModel(Provider provider);
    // The output token limit sent with each request: the setting, else what the model allows
    // (gpt-4.1: 32,768; claude-haiku-4-5: 64,000), else 4,096 (local and unknown models).
    int outputLimit() const;
    // The limit for one request: outputLimit(), and within a context window what the prompt
    // leaves of it (0 when it leaves nothing).
    int outputLimitFor(const LlmRequest &request) const;
    int outputLimitFor(qint64 promptTokens) const;
    // Tokens of a text this long, estimated on the safe side: 3 characters a token.
    static qint64 tokensOf(qint64 characters) { return (characters + 2) / 3; }
    QString displayName() const { return providerName(provider); }
};
