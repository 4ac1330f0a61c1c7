#include "CliProviderOptions.h"

#include "util/RowforgeError.h"

#include <QTextStream>

CliProviderOptions::CliProviderOptions(QCommandLineParser &parser)
    : m_parser(parser),
      m_provider(QStringLiteral("provider"),
                 QStringLiteral("auto (default), openai, anthropic, openai-compatible or offline."),
                 QStringLiteral("NAME"), QStringLiteral("auto")),
      m_model(QStringLiteral("model"), QStringLiteral("Model name."), QStringLiteral("NAME")),
      m_baseUrl(QStringLiteral("base-url"),
                QStringLiteral("API base URL (e.g. http://localhost:11434/v1)."),
                QStringLiteral("URL")),
      m_context(QStringLiteral("context"),
                QStringLiteral("A local server's context window in tokens, prompt and answer "
                               "together (default: OLLAMA_CONTEXT_LENGTH, else Ollama's 4096; 0: "
                               "not limited). Requests are sized to fit it."),
                QStringLiteral("TOKENS"))
{
    parser.addOptions({m_provider, m_model, m_baseUrl, m_context});
}

bool CliProviderOptions::valid(QTextStream &err) const
{
    if (ProviderResolver::providerNames().contains(m_parser.value(m_provider)))
        return true;
    err << "--provider must be one of "
        << ProviderResolver::providerNames().join(QStringLiteral(", ")) << "\n";
    return false;
}

ProviderResolver::Choice CliProviderOptions::choice() const
{
    ProviderResolver::Choice choice;
    choice.provider = m_parser.value(m_provider);
    choice.model = m_parser.value(m_model);
    choice.baseUrl = m_parser.value(m_baseUrl);
    if (m_parser.isSet(m_context)) {
        bool ok = false;
        const int tokens = m_parser.value(m_context).toInt(&ok);
        if (!ok || tokens < 0)
            throw RowforgeError(
                QStringLiteral("--context needs a number of tokens (0: not limited), got \"%1\"")
                    .arg(m_parser.value(m_context)));
        choice.contextTokens = tokens == 0 ? -1 : tokens;
    }
    return choice;
}
