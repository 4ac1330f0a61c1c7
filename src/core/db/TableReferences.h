#pragma once

#include "TableInfo.h"

#include <QList>
#include <QString>
#include <functional>

// The foreign keys of other tables that point at one table, and what dropping it (or all its
// rows) would do to their rows: with foreign keys on, SQLite empties a dropped table first,
// so ON DELETE CASCADE deletes the children, SET NULL / SET DEFAULT rewrite them, and
// RESTRICT / NO ACTION refuse while any child row points at it.
class TableReferences
{
public:
    struct Reference
    {
        QString childTable;
        ForeignKey key;
    };

    // From the schema alone (no query): every foreign key of another table whose parent is
    // `table` (names compared as SQLite does, ignoring ASCII case).
    static QList<Reference> to(const QList<TableInfo> &schema, const QString &table);
    // One line per reference: `"orders" (customer_id) references it, ON DELETE CASCADE: its
    // rows that point here (3 at most) would be deleted too.` `childRows` gives each child
    // table's row count (-1: unknown).
    static QStringList consequences(const QList<Reference> &references,
                                    const std::function<qint64(const QString &)> &childRows);
};
