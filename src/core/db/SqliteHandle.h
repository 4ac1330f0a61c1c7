#pragma once

#include <QSqlDatabase>

struct sqlite3;
struct sqlite3_stmt;

// The sqlite3 connection behind a QSQLITE QSqlDatabase, for the hot paths (inserting and
// exporting rows) that use SQLite's C API directly. Rowforge links the same system libsqlite3
// as Qt's driver, so the handle is valid here.
class SqliteHandle
{
public:
    // Throws RowforgeError if the database is not an open QSQLITE connection.
    static sqlite3 *of(QSqlDatabase &db);
    // SELECT columns FROM table, prepared on the raw handle for a fast read of every row;
    // the caller finalizes it. Throws RowforgeError with SQLite's message.
    static sqlite3_stmt *prepareSelectAll(sqlite3 *handle, const QString &table,
                                          const QStringList &columns);
};
