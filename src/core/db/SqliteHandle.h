#pragma once

#include <QSqlDatabase>

struct sqlite3;

// The sqlite3 connection behind a QSQLITE QSqlDatabase, for the hot paths (inserting and
// exporting rows) that use SQLite's C API directly. Rowforge links the same system libsqlite3
// as Qt's driver, so the handle is valid here.
class SqliteHandle
{
public:
    // Throws RowforgeError if the database is not an open QSQLITE connection.
    static sqlite3 *of(QSqlDatabase &db);
};
