#pragma once

#include <QString>
#include <QStringList>

// A set of columns whose values must be unique together: a UNIQUE constraint, a unique
// index, or the primary key.
struct UniqueKey
{
    enum Origin { Constraint, Index, PrimaryKey };

    QString indexName;
    QStringList columns;
    Origin origin = Constraint;
    bool partial = false; // a partial index only constrains the rows its WHERE selects
};
