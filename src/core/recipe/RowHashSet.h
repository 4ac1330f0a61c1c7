#pragma once

#include "FingerprintSet.h"
#include "GeneratedValue.h"
#include "db/TableInfo.h"

#include <QSqlDatabase>
#include <vector>

struct sqlite3_stmt;

// 64-bit fingerprints of rows, to refuse a generated row that copies an existing one (or an
// earlier generated one) without asking the database per row. Existing rows are read once.
// A fingerprint collision only costs a regenerated row. The one definition of "this row is a
// copy": values equal as SQLite compares them (5 = 5.0, text and blobs by bytes), for the
// offline engine and for rows a model wrote alike.
class RowHashSet
{
public:
    // Reads every existing row's fingerprint over `columns`.
    void loadExisting(QSqlDatabase &db, const TableInfo &table, const QStringList &columns);
    // False if the row was seen before; else remembers it.
    bool insert(quint64 hash);
    bool contains(quint64 hash) const;
    // The fingerprint of a row as stored (after SQLite applied the column affinities).
    static quint64 hashStoredRow(QSqlDatabase &db, const TableInfo &table,
                                 const QStringList &columns, qint64 rowid);
    qint64 size() const { return qint64(m_fingerprints.size()); }

    static quint64 hashRow(const std::vector<GeneratedValue> &row);
    // The fingerprint of a one-column row.
    static quint64 hashSingle(const GeneratedValue &value);
    static quint64 hashValue(const GeneratedValue &value);
    static quint64 hashInteger(qint64 value);
    static quint64 hashReal(double value);
    static quint64 hashBytes(const char *data, qsizetype size, bool blob);
    static quint64 combine(quint64 hash, quint64 value);

private:
    static quint64 hashCurrentRow(sqlite3_stmt *statement, int count);

    FingerprintSet m_fingerprints;
};
