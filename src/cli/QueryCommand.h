#pragma once

#include "CliCommand.h"
#include "query/QueryRunner.h"

// rowforge-cli query [--db FILE] [--format csv|tsv|json] [--allow-writes] [--no-header] SQL
class QueryCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("query"); }
    QString summary() const override
    {
        return QStringLiteral("Run SQL and print the result (read-only unless allowed)");
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
    // --format's value: csv, tsv or json; false (after saying why on err) for anything else.
    static bool readFormat(const QString &name, QueryRunner::Output *output, QTextStream &err);
};
