#pragma once

#include "generate/GenerationOptions.h"
#include "llm/ProviderResolver.h"

// The Generation Settings the user chose, kept in QSettings — except API keys, which are kept
// for this session only (or come from the environment) and never written to disk here.
class GenerationSettings
{
public:
    QString provider = QStringLiteral("auto");
    // Model and base URL of each provider (openai, anthropic, openai-compatible), kept apart
    // so that a URL typed for one provider never receives another provider's key.
    QHash<QString, QString> models, baseUrls;
    double temperature = 0.7;
    int timeoutSeconds = 60;
    int rows = 10;
    // What leaves the computer (GenerationOptions::Share): schema, stats, values or rows.
    QString share = QStringLiteral("rows");
    int maxConcurrent = 2; // generations running at once
    // A local server's context window in tokens; 0: OLLAMA_CONTEXT_LENGTH or 4,096.
    int contextTokens = 0;

    static GenerationSettings load();
    void save() const;

    // Keys typed in the dialog, for this session.
    static void setSessionKey(const QString &provider, const QString &key);
    static QString sessionKey(const QString &provider);

    // Resolved options for one run; throws RowforgeError when no provider can be used.
    GenerationOptions options() const;

    // What the GUI calls a provider (ProviderResolver::providerNames()): "OpenAI", not "openai".
    static QString providerLabel(const QString &provider);
};
