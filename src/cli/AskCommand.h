#pragma once

#include "CliCommand.h"

// rowforge-cli ask [--db FILE] [--provider …] [--model …] [--base-url URL] [--share schema|rows]
//   [--run] [--format csv|tsv|json] QUESTION
class AskCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("ask"); }
    QString summary() const override
    {
        return QStringLiteral("Turn a question in plain words into SQL (and run it read-only)");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
