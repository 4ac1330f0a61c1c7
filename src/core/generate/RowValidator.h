#pragma once

#include "db/TableInfo.h"
#include "profile/ColumnContract.h"
#include "recipe/RowHashSet.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QVariantList>

// Checks generated rows against a table before anything is written: the exact column set,
// each value's type (converted only when nothing is lost), NOT NULL, then UNIQUE and PRIMARY
// KEY (against the table and within the batch), FOREIGN KEY and CHECK by inserting each row
// inside a savepoint of a transaction that is always rolled back, and no exact copy of an
// existing row (RowHashSet decides, as for the offline engine). SQLite itself decides the
// constraints, so its rules and messages apply.
class RowValidator
{
public:
    struct Rejection
    {
        int index; // into the rows given to validate()
        QString reason;
    };

    RowValidator(QSqlDatabase &db, const TableInfo &table);

    // The columns a generated row must hold: every column SQLite does not fill itself.
    const QStringList &columns() const { return m_columns; }

    // Returns the valid rows as values in columns() order. `accepted` are rows already
    // accepted by an earlier call (a follow-up request); new rows must not clash with them.
    QList<QVariantList> validate(const QList<QJsonObject> &rows, QList<Rejection> *rejections,
                                 const QList<QVariantList> &accepted = {});

    // Converts one JSON value for a column; false (with a reason) if it cannot be stored
    // without loss.
    static bool convert(const ColumnInfo &column, const QJsonValue &value, QVariant *out,
                        QString *reason);
    // What each column's values must look like beyond their affinity (a date in the table's
    // layout, one of 0 and 1): the contracts the row schema was made from.
    void setContracts(const QHash<QString, ColumnContract> &contracts) { m_contracts = contracts; }
    // False (with a reason) if `value` breaks the column's contract.
    static bool keeps(const QString &column, const ColumnContract &contract,
                      const QJsonValue &value, QString *reason);

private:
    QSqlDatabase &m_db;
    TableInfo m_table;
    QStringList m_columns;
    QList<const ColumnInfo *> m_columnInfo;
    QHash<QString, ColumnContract> m_contracts;
    // A unique key over generated columns already refuses copies; only without one is a scan
    // for exact copies needed.
    bool m_copyCheckNeeded = true;
    bool m_existingLoaded = false;
    RowHashSet m_existing; // fingerprints of the rows the table held
};
