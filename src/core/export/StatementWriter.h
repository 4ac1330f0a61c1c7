#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QStringList>
#include <functional>

class QIODevice;
struct sqlite3;
struct sqlite3_stmt;

// Streams the rows of a prepared statement to a device as CSV, with the rules of Export CSV
// (CsvFieldWriter): a table export and a query's result are written alike. Memory stays flat.
class StatementWriter
{
public:
    // rows done; return false to cancel (ExportCancelled is thrown).
    using Progress = std::function<bool(qint64 done)>;

    // `where` names the device in errors. Writes `header` (when the options ask for one)
    // and every row the statement steps to; returns the number of rows. Throws RowforgeError
    // with SQLite's message when a step fails.
    static qint64 write(sqlite3 *handle, sqlite3_stmt *statement, const QStringList &header,
                        QIODevice &device, const QString &where, const ExportOptions &options,
                        const Progress &progress = {});
    // The same as one JSON array of objects, one per row, keyed by `header`: NULL is null,
    // numbers are numbers (REALs read back exactly and keep a fraction; infinities are the
    // strings "Inf" and "-Inf"), text a string, a BLOB the base64 string of its bytes.
    static qint64 writeJson(sqlite3 *handle, sqlite3_stmt *statement, const QStringList &header,
                            QIODevice &device, const QString &where);
    // Writes whatever is buffered and flushes a file device: a full disk often shows only
    // then.
    static void finish(QIODevice &device, const QString &where);
};
