#pragma once

#include "FidelityReport.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariantList>
#include <vector>

// Compares new rows with existing ones column by column (SDMetrics definitions), and the rows
// as wholes (copies, duplicates). Works on samples: at most SampleRows rows a side.
class FidelityReporter
{
public:
    static constexpr int SampleRows = 20000;
    static constexpr int HistogramBins = 10;
    static constexpr int HistogramCategories = 8;

    // Values in `columns` order on both sides.
    static FidelityReport compare(const TableInfo &table, const QStringList &columns,
                                  const QList<QVariantList> &real,
                                  const QList<QVariantList> &synthetic);
    // The same, with the rules across the table's foreign keys (crossTableRules).
    static FidelityReport compare(QSqlDatabase &db, const TableInfo &table,
                                  const QStringList &columns, const QList<QVariantList> &real,
                                  const QList<QVariantList> &synthetic);
    // Rules across the table's foreign keys (a child's date after its parent's) that hold in
    // every real row, and the share of new rows that keep them; parents are read from `db`.
    static QList<FidelityReport::Rule> crossTableRules(QSqlDatabase &db, const TableInfo &table,
                                                       const QStringList &columns,
                                                       const QList<QVariantList> &real,
                                                       const QList<QVariantList> &synthetic);
    // Children per parent through `key` of `childTable`: the counts of the real parents
    // against those of the new ones (zeros included).
    static FidelityReport::Children children(const QString &childTable, const QStringList &key,
                                             const std::vector<int> &realCounts,
                                             const std::vector<int> &newCounts);
    // Rows with rowid <= lastRealRowid against the rows after it.
    static FidelityReport sinceRowid(QSqlDatabase &db, const QString &table, qint64 lastRealRowid,
                                     QRandomGenerator &random);
    // numeric, datetime, categorical or other; `dateFormat` is set for datetime.
    static QString classify(const TableInfo &table, const ColumnInfo &column,
                            const QVariantList &realValues, QString *dateFormat);
};
