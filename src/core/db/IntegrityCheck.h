#pragma once

#include "TableInfo.h"

#include <QSqlDatabase>
#include <QString>

// A look for damage before writing, since writing into a damaged b-tree spreads the damage:
// first the pages an append touches (the table's root down to its last row), which costs a
// few page reads, then SQLite's quick_check of the table, stopped after `limitMs` so that a
// huge table does not hold a small write back (0: the first look only).
class IntegrityCheck
{
public:
    static constexpr int DefaultLimitMs = 2000;
    // Throws DatabaseDamaged when either look finds damage; returns quietly when they find
    // none or the time runs out. An empty table name checks the schema table.
    static void requireIntact(QSqlDatabase &db, const QString &table, int limitMs = DefaultLimitMs);
    static void requireIntact(QSqlDatabase &db, const TableInfo &table,
                              int limitMs = DefaultLimitMs);

private:
    static void probeLastRow(QSqlDatabase &db, const TableInfo &table);
    static void quickCheck(QSqlDatabase &db, const QString &table, int limitMs);
};
