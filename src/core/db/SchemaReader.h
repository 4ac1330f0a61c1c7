#pragma once

#include "TableInfo.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

// Introspects the main schema through SQLite's table-valued PRAGMA functions (names are bound
// parameters, never SQL text) and the stored CREATE statements.
class SchemaReader
{
public:
    // Tables and views, not SQLite's internal sqlite_% tables, sorted by name.
    static QList<TableInfo> readAll(QSqlDatabase &db);
    // Names match as SQLite matches them: ASCII case-insensitively.
    static std::optional<TableInfo> read(QSqlDatabase &db, const QString &name);
    // Like read(), but a missing table is an error that names it.
    static TableInfo require(QSqlDatabase &db, const QString &name);
    static qint64 rowCount(QSqlDatabase &db, const TableInfo &table);

private:
    static TableInfo readDetails(QSqlDatabase &db, const QString &name, const QString &type,
                                 bool withoutRowid, bool strict);
    static void readIndexesAndTriggers(QSqlDatabase &db, TableInfo &table);
    static void readColumns(QSqlDatabase &db, TableInfo &table);
    static void readUniqueKeys(QSqlDatabase &db, TableInfo &table);
    static void readForeignKeys(QSqlDatabase &db, TableInfo &table);
    static QStringList primaryKeyOf(QSqlDatabase &db, const QString &table);
};
