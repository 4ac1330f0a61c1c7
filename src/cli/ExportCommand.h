#pragma once

#include "CliCommand.h"

// rowforge-cli export [--db FILE] --table NAME [--output FILE|-] [--delimiter C] [--no-header]
//   [--crlf] [--null-text STR] [--bom]
class ExportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Export a table or view to CSV"); }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
