#pragma once

#include "GenerationOptions.h"
#include "GenerationResult.h"
#include "db/RowidRanges.h"
#include "db/TableInfo.h"

#include <QSqlDatabase>

#include <QString>

// Which rows of which table Rowforge generated, by database file, table and rowid ranges. Kept
// in a JSON file in the application's data folder, never in the user's database, so that
// learning can leave earlier synthetic rows out and runs do not drift towards their own
// output.
class GeneratedRows
{
public:
    // `file` empty: generated-rows.json in the application's data folder.
    explicit GeneratedRows(QString file = {});

    RowidRanges of(const QString &databasePath, const QString &table) const;
    void add(const QString &databasePath, const QString &table, qint64 first, qint64 last) const;
    void remove(const QString &databasePath, const QString &table, qint64 first, qint64 last) const;
    // The table was dropped or replaced: none of its rows now are the generated ones.
    void forget(const QString &databasePath, const QString &table) const;
    const QString &file() const { return m_file; }

    // The rows generated before in `table`, to leave out of learning (none when the options
    // say to learn from every row, or for tables without a rowid). Rowids above the table's
    // largest are forgotten: those rows were deleted, and SQLite gives their rowids to the
    // next rows inserted, which need not be generated.
    static RowidRanges before(QSqlDatabase &db, const TableInfo &table,
                              const GenerationOptions &options);
    // How many rows of `table` are in `ranges` now.
    static qint64 rowsIn(QSqlDatabase &db, const TableInfo &table, const RowidRanges &ranges);
    // Records the rows a committed generation added.
    static void remember(QSqlDatabase &db, const TableInfo &table, const GenerationOptions &options,
                         GenerationResult &result);

private:
    template <typename Change>
    void update(const QString &databasePath, const QString &table, Change change) const;
    QString m_file;
};
