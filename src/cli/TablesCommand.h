#pragma once

#include "CliCommand.h"

// rowforge-cli tables [--db FILE]: one line per table, name<TAB>rows<TAB>columns.
class TablesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("tables"); }
    QString summary() const override
    {
        return QStringLiteral("List tables and views: name, rows, columns (tab-separated)");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
