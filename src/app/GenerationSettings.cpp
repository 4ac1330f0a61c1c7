#include "GenerationSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSettings>

namespace {
QHash<QString, QString> &sessionKeys()
{
    static QHash<QString, QString> keys;
    return keys;
}
} // namespace

GenerationSettings GenerationSettings::load()
{
    const QSettings settings;
    GenerationSettings s;
    s.provider = settings.value(QStringLiteral("generation/provider"), s.provider).toString();
    for (const QString &name : {QStringLiteral("openai"), QStringLiteral("anthropic"),
                                QStringLiteral("openai-compatible")}) {
        s.models.insert(name,
                        settings.value(QStringLiteral("generation/%1/model").arg(name)).toString());
        s.baseUrls.insert(
            name, settings.value(QStringLiteral("generation/%1/baseUrl").arg(name)).toString());
    }
    s.temperature =
        settings.value(QStringLiteral("generation/temperature"), s.temperature).toDouble();
    s.timeoutSeconds =
        settings.value(QStringLiteral("generation/timeoutSeconds"), s.timeoutSeconds).toInt();
    s.rows = settings.value(QStringLiteral("generation/rows"), s.rows).toInt();
    s.contextTokens =
        settings.value(QStringLiteral("generation/openai-compatible/contextTokens"), 0).toInt();
    // Earlier versions kept a yes/no for sample rows: no meant statistics only.
    const QString legacy =
        settings.contains(QStringLiteral("generation/sendSamples")) &&
                !settings.value(QStringLiteral("generation/sendSamples")).toBool()
            ? QStringLiteral("stats")
            : s.share;
    s.share = settings.value(QStringLiteral("generation/share"), legacy).toString();
    if (!GenerationOptions::shareNames().contains(s.share))
        s.share = QStringLiteral("rows");
    return s;
}

void GenerationSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("generation/provider"), provider);
    for (auto it = models.constBegin(); it != models.constEnd(); ++it)
        settings.setValue(QStringLiteral("generation/%1/model").arg(it.key()), it.value());
    for (auto it = baseUrls.constBegin(); it != baseUrls.constEnd(); ++it)
        settings.setValue(QStringLiteral("generation/%1/baseUrl").arg(it.key()), it.value());
    // The one URL for every provider of earlier versions: gone, so it cannot come back.
    settings.remove(QStringLiteral("generation/model"));
    settings.remove(QStringLiteral("generation/baseUrl"));
    settings.setValue(QStringLiteral("generation/temperature"), temperature);
    settings.setValue(QStringLiteral("generation/timeoutSeconds"), timeoutSeconds);
    settings.setValue(QStringLiteral("generation/rows"), rows);
    settings.setValue(QStringLiteral("generation/openai-compatible/contextTokens"), contextTokens);
    settings.setValue(QStringLiteral("generation/share"), share);
    settings.remove(QStringLiteral("generation/sendSamples"));
    settings.setValue(QStringLiteral("generation/maxConcurrent"), maxConcurrent);
}

void GenerationSettings::setSessionKey(const QString &provider, const QString &key)
{
    if (key.isEmpty())
        sessionKeys().remove(provider);
    else
        sessionKeys().insert(provider, key);
}

QString GenerationSettings::sessionKey(const QString &provider)
{
    return sessionKeys().value(provider);
}

GenerationOptions GenerationSettings::options() const
{
    ProviderResolver::Choice choice;
    choice.provider = provider;
    choice.modelFor = models;
    choice.baseUrlFor = baseUrls;
    choice.openAiKey = sessionKey(QStringLiteral("openai"));
    choice.anthropicKey = sessionKey(QStringLiteral("anthropic"));
    choice.compatibleKey = sessionKey(QStringLiteral("openai-compatible"));
    choice.contextTokens = contextTokens;
    GenerationOptions options;
    options.llm = ProviderResolver::resolve(choice);
    options.llm.temperature = temperature;
    options.llm.timeoutMs = timeoutSeconds * 1000;
    options.rows = rows;
    options.share = GenerationOptions::Share(
        std::max<qsizetype>(0, GenerationOptions::shareNames().indexOf(share)));
    return options;
}

QString GenerationSettings::providerLabel(const QString &provider)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("auto"), "Auto (OpenAI if it has a key, else Anthropic, else Offline)"},
        {QStringLiteral("openai"), "OpenAI"},
        {QStringLiteral("anthropic"), "Anthropic"},
        {QStringLiteral("openai-compatible"),
         "OpenAI-compatible server (Ollama, llama.cpp, LM Studio)"},
        {QStringLiteral("offline"), "Offline (no LLM: learned from the table)"}};
    const char *label = labels.value(provider);
    return label ? QCoreApplication::translate("GenerationSettings", label) : provider;
}
