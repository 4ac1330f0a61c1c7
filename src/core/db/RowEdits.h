#pragma once

#include "TableInfo.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// Changes made by hand in the data view, written together: values set in existing rows (found
// by their key: the rowid, or a WITHOUT ROWID table's primary key), rows deleted and rows
// added, in one transaction: all of them or none. Every value is bound.
class RowEdits
{
public:
    struct Change
    {
        enum Kind { Set, Delete, Insert } kind = Set;
        QVariantList key;    // Set and Delete: the row's key values
        QStringList columns; // Set and Insert: the columns given
        QVariantList values; // ...and their values
    };
    // Which change SQLite refused, and its words for why.
    struct Failure
    {
        int change = -1;
        QString message;
    };

    // `keyColumns` name the key (TablePager::keyColumns). Returns the rows changed; on a
    // refusal nothing is written and `failure` says which change and why (then returns -1).
    static qint64 apply(QSqlDatabase &db, const TableInfo &table, const QStringList &keyColumns,
                        const QList<Change> &changes, Failure *failure);
};
