#pragma once

#include "export/ExportOptions.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

class QIODevice;

// Runs SQL a person typed (one statement or several) and writes each result as Export CSV
// does. Read-only unless writes are allowed: every statement is prepared and checked first, and
// one that would change the database is refused before anything runs; `PRAGMA query_only`
// guards the run besides. With writes allowed, all statements run in one transaction: all or
// nothing.
class QueryRunner
{
public:
    struct Result
    {
        int statements = 0;
        int resultSets = 0;     // statements that returned columns
        qint64 rows = 0;        // rows written, over all result sets
        qint64 rowsChanged = 0; // by INSERT, UPDATE and DELETE
    };

    // `where` names the device in write errors. Throws RowforgeError: SQLite's message with
    // the line and column it points at, or the statement refused and why.
    // How results are written: delimited as Export CSV, or as one JSON array per result.
    struct Output
    {
        ExportOptions csv;
        bool json = false;
    };

    static Result run(QSqlDatabase &db, const QString &sql, bool allowWrites, QIODevice &device,
                      const QString &where, const Output &output);
    // The first `maxRows` rows of the last statement that returns rows, for a grid to show.
    // Read-only runs count the rest too (`totalRows`) and name the statement (`pagingSql`)
    // so that `page` can fetch more of it as the grid scrolls.
    struct Table
    {
        QStringList header;
        QList<QVariantList> rows; // NULL, qint64, double, QString or QByteArray (a BLOB)
        bool truncated = false;
        qint64 totalRows = 0; // all the rows it returned; rows.size() when writes were allowed
        QString pagingSql;    // empty when more rows cannot be fetched again
        Result result;
    };
    static Table collect(QSqlDatabase &db, const QString &sql, bool allowWrites, qint64 maxRows);
    // Rows `offset` … `offset + count - 1` of the read-only statement `sql` (a Table's
    // pagingSql), run again.
    static QList<QVariantList> page(QSqlDatabase &db, const QString &sql, qint64 offset,
                                    qint64 count);
    // Prepares every statement of `sql` without running it: throws QueryRefused for one that
    // would change the database, RowforgeError for one that is not valid SQL here. Returns
    // how many statements there are.
    static int checkReadOnly(QSqlDatabase &db, const QString &sql);
};
