#pragma once

#include "CliCommand.h"

// rowforge-cli report [--db FILE] --table NAME --since-rowid N [--json]
class ReportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override
    {
        return QStringLiteral("Fidelity report: how rows after a rowid compare with those before");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
