#pragma once

#include "TableInfo.h"

#include <QSqlDatabase>
#include <QStringEncoder>
#include <QStringList>
#include <QVariantList>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// The one insert path, shared by demo seeding, import and generation: one prepared INSERT
// with bound values, reused for every row. The caller owns the transaction.
//
// It binds through SQLite's C API on the connection's own handle: QSqlQuery's bindValue()
// builds placeholder names for every value and cost more than SQLite's insert itself.
class RowInserter
{
public:
    // Every column must exist in the table; an unknown name is an error that names it.
    RowInserter(QSqlDatabase &db, const TableInfo &table, const QStringList &columns);
    ~RowInserter();
    RowInserter(const RowInserter &) = delete;
    RowInserter &operator=(const RowInserter &) = delete;

    // Inserts one row (values in the order of the constructor's columns) and returns its
    // rowid. A constraint violation throws with SQLite's explanation.
    qint64 insert(const QVariantList &values);

    // The same, value by value: bind every column (0-based), then insertBound().
    void bindNull(int column);
    void bindInteger(int column, qint64 value);
    void bindReal(int column, double value);
    void bindText(int column, QStringView text);
    // UTF-8 text that stays alive until insertBound() returns (not copied).
    void bindUtf8(int column, const char *text, qsizetype length);
    void bindBlob(int column, const QByteArray &bytes);
    void bindVariant(int column, const QVariant &value);
    qint64 insertBound();
    // Like insertBound(), but a constraint violation returns false with SQLite's message: the
    // statement is undone and the transaction goes on (generation replaces the row).
    bool tryInsertBound(QString *constraintError, qint64 *rowid = nullptr);

    qint64 insertedCount() const { return m_inserted; }
    const QStringList &columns() const { return m_columns; }

private:
    [[noreturn]] void fail() const;

    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    // One UTF-8 buffer per column, reused for every row: SQLite stores UTF-8, and converting
    // here with Qt's encoder is much cheaper than letting bind_text16 translate and allocate.
    std::vector<QByteArray> m_textBuffers;
    QStringEncoder m_encoder{QStringConverter::Utf8};
    QString m_tableName;
    QStringList m_columns;
    qint64 m_inserted = 0;
};
