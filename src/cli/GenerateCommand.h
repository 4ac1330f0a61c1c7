#pragma once

#include "CliCommand.h"

#include <QHash>

// rowforge-cli generate [--db FILE] (--table NAME [--rows N] | --tables T1,T2 [--rows T1=N,…])
//   [--sample N]
//   [--provider auto|openai|anthropic|openai-compatible|offline] [--model NAME] [--base-url URL]
//   [--mode rows|recipe|offline] [--seed N] [--recipe FILE] [--save-recipe FILE]
//   [--share schema|stats|values|rows] [--no-samples] [--dry-run] [--json]
class GenerateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("generate"); }
    QString summary() const override
    {
        return QStringLiteral("Add realistic synthetic rows to a table (LLM, recipe or offline)");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;

private:
    // --rows with --tables: "N" (the first table) or "T1=N,T2=M".
    static bool readTableRows(const QString &text, const QStringList &tables,
                              QHash<QString, int> *rows, QTextStream &err);
};
