#pragma once

#include "llm/ProviderResolver.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

// The options that choose a model, shared by the subcommands that ask one (generate, ask):
// --provider, --model, --base-url and --context.
class CliProviderOptions
{
public:
    explicit CliProviderOptions(QCommandLineParser &parser);
    // False (after saying why on err) when --provider names no provider.
    bool valid(QTextStream &err) const;
    // Throws RowforgeError for a --context that is not a number of tokens.
    ProviderResolver::Choice choice() const;

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_provider, m_model, m_baseUrl, m_context;
};
