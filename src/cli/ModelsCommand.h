#pragma once

#include "CliCommand.h"

// rowforge-cli models [--provider P] [--base-url URL]: the models a provider or local server
// offers (GET {base}/v1/models), one per line — to pick one for `generate --model`.
class ModelsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override
    {
        return QStringLiteral("List the models a provider or local server (Ollama) offers");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
