#pragma once

#include "ExportOptions.h"

#include <QSqlDatabase>
#include <functional>

class QIODevice;

// Writes a table (or view) as RFC 4180 CSV, streaming rows in table order: memory stays flat
// for any size. Numbers are written so that they read back identically (REAL in the shortest
// form that round-trips, with ".0" kept on whole values); BLOBs as base64.
class TableExporter
{
public:
    // rows done, rows in all (-1 if unknown); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Writes to a regular file through QSaveFile: on error or cancel the file at `path` is as
    // it was. Anything else (a FIFO, a device, a file with hard links) is written in place.
    // Returns the number of rows written. Throws RowforgeError naming the path, or
    // ExportCancelled.
    static qint64 exportToFile(QSqlDatabase &db, const QString &table, const QString &path,
                               const ExportOptions &options, const Progress &progress = {});
    // Runs `write` on a device for `path` with the same guarantees (a query's result uses it).
    static qint64 writeFile(const QString &path, const std::function<qint64(QIODevice &)> &write);
    // Writes to an open device (stdout for the CLI).
    static qint64 exportToDevice(QSqlDatabase &db, const QString &table, QIODevice &device,
                                 const ExportOptions &options, const Progress &progress = {});

private:
    // True for a new path or a regular file with one name: replaced by an atomic rename.
    static bool replacedAtomically(const QString &path);
};
