#include "ModelsCommand.h"

#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>

int ModelsCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary() +
                                     QStringLiteral(". Keys and base URLs as for generate."));
    parser.addHelpOption();
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("auto (default), openai, anthropic or openai-compatible."),
        QStringLiteral("NAME"), QStringLiteral("auto"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QStringLiteral("API base URL (e.g. http://localhost:11434/v1 for Ollama)."),
        QStringLiteral("URL"));
    parser.addOptions({provider, baseUrl});
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    try {
        ProviderResolver::Choice choice;
        choice.provider = parser.value(provider);
        choice.baseUrl = parser.value(baseUrl);
        LlmSettings settings = ProviderResolver::resolve(choice);
        if (settings.provider == LlmSettings::Provider::Offline)
            throw RowforgeError(QStringLiteral("No provider is set up: offline generation uses no "
                                               "model. Set OPENAI_API_KEY or ANTHROPIC_API_KEY, or "
                                               "use --provider openai-compatible --base-url URL"));
        settings.timeoutMs = 15000;
        settings.maxRetries = 0;
        LlmClient client(settings);
        for (const QString &model : client.listModels())
            out << model << "\n";
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
