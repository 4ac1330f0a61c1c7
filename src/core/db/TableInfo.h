#pragma once

#include "ColumnInfo.h"
#include "ForeignKey.h"
#include "SchemaObject.h"
#include "UniqueKey.h"

#include <QList>
#include <QString>

// The schema of one table or view.
struct TableInfo
{
    enum Kind { Table, View };

    QString name;
    Kind kind = Table;
    QString sql; // the CREATE statement as stored in sqlite_schema
    bool withoutRowid = false;
    bool strict = false;
    QList<ColumnInfo> columns;
    QList<UniqueKey> uniqueKeys; // composite and single-column, primary key included
    QList<ForeignKey> foreignKeys;
    QStringList tableChecks;                // table-level CHECK expressions
    QList<SchemaObject> indexesAndTriggers; // created by statements, by kind, then name

    const ColumnInfo *column(const QString &columnName) const;
    QStringList columnNames() const;
    QStringList primaryKey() const;
    // Foreign keys that include the given column.
    QList<ForeignKey> foreignKeysOf(const QString &columnName) const;
    // The name that addresses the rowid in queries: the INTEGER PRIMARY KEY column, or one
    // of rowid/_rowid_/oid not taken by a column. Empty for views, WITHOUT ROWID tables and
    // tables that shadow all three.
    QString rowidName() const;
    // Columns whose order gives a stable, indexed row order for keyset paging: the rowid, or
    // the primary key of a WITHOUT ROWID table. Empty when none exists (views).
    QStringList keysetColumns() const;
    // True if a full (not partial) unique key lies within these columns: then no two rows can
    // agree on all of them, and a new row cannot copy an existing one.
    bool hasUniqueKeyWithin(const QStringList &columnNames) const;
};
