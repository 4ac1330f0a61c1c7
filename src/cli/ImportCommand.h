#pragma once

#include "CliCommand.h"

// rowforge-cli import [--db FILE] [--table NAME] [--if-exists fail|replace|append]
//   [--delimiter C] [--no-header|--header] [--encoding NAME] [--ragged error|pad|skip] FILE...
// One summary line per file: table<TAB>rows<TAB>seconds.
class ImportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override
    {
        return QStringLiteral("Import CSV, TSV, JSON or JSONL files into tables");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};
