#pragma once

#include "ColumnType.h"
#include "ImportOptions.h"
#include "ImportResult.h"

#include <QSqlDatabase>
#include <functional>

class RecordSource;
class RowBatchQueue;
struct TableInfo;

// Imports one CSV/TSV/JSON/JSONL file into a table, atomically. A first pass reads the whole
// file to infer each column's type and to find any bad row before anything is written; the
// second pass inserts every row through the shared RowInserter inside one transaction. Any
// error or a cancel rolls back: the database stays exactly as it was.
class TableImporter
{
public:
    // Called now and then with the bytes processed so far of `total` (two passes over the
    // file); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Throws RowforgeError (message starts with the file name) or ImportCancelled.
    static ImportResult import(QSqlDatabase &db, const QString &path, const ImportOptions &options,
                               const Progress &progress = {});

private:
    // Throws (naming them) when other tables' foreign keys point at `table`.
    static void refuseReplacingAReferencedTable(QSqlDatabase &db, const QString &table);
    struct Plan
    {
        QStringList columns;
        QList<ColumnType::Type> types;
        QList<QStringList> samples; // each column's first values, to find a date format in
        qint64 rows = 0;
        qint64 skipped = 0;
    };
    static Plan inferTypes(RecordSource &source, const ImportOptions &options,
                           const Progress &progress);
    static QString resolveTable(QSqlDatabase &db, const QString &path, const ImportOptions &options,
                                bool *exists);
    // The columns to write, after the user's renames and skips: their names, types and
    // positions in the file. Throws for a name left empty or given twice, or nothing left.
    struct Targets
    {
        QStringList columns;
        QList<ColumnType::Type> types;
        QList<int> sourceIndex;
        QStringList dateFormats; // the text's format for DATE and DATETIME columns, else empty
    };
    static Targets chooseColumns(const Plan &plan, const ImportOptions &options);
    // The format a DATE or DATETIME column's text is read in: the user's, or the one its
    // first values are in. Throws when there is none, or a DATE column holds times.
    static QString dateFormatOf(const Plan &plan, const ImportOptions &options, int column);
    static QString createTableSql(const QString &table, const Targets &targets);
    // The file's chosen columns matched to `table`'s: by name with a header, by position
    // without one.
    static Targets mapToExistingTable(const TableInfo &table, const Targets &chosen,
                                      bool hasHeader);
    static void insertRows(QSqlDatabase &db, RecordSource &source, const TableInfo &table,
                           const Plan &plan, const ImportOptions &options, const Targets &targets,
                           const Progress &progress);
    static void produceBatches(RecordSource &source, const Plan &plan, const ImportOptions &options,
                               const Targets &targets, RowBatchQueue &queue);
};
