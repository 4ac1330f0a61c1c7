#pragma once

#include "TableInfo.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

// The one insert path, shared by demo seeding, import and generation: one prepared INSERT
// with bound values, reused for every row. The caller owns the transaction.
class RowInserter
{
public:
    // Every column must exist in the table; an unknown name is an error that names it.
    RowInserter(QSqlDatabase &db, const TableInfo &table, const QStringList &columns);

    // Inserts one row (values in the order of the constructor's columns) and returns its
    // rowid. A constraint violation throws with SQLite's explanation.
    qint64 insert(const QVariantList &values);
    qint64 insertedCount() const { return m_inserted; }
    const QStringList &columns() const { return m_columns; }

private:
    QSqlQuery m_query;
    QString m_tableName;
    QStringList m_columns;
    qint64 m_inserted = 0;
};
