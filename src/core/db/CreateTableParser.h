#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// Reads what PRAGMAs do not report from a CREATE TABLE statement: CHECK constraints, per
// column and per table, as their source text.
class CreateTableParser
{
public:
    struct Result
    {
        QHash<QString, QStringList> columnChecks; // key: column name in lower case
        QStringList tableChecks;
    };
    static Result parse(const QString &createSql);
};
