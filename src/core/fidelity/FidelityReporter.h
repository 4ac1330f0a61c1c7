#pragma once

#include "FidelityReport.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariantList>

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
    // Rows with rowid <= lastRealRowid against the rows after it.
    static FidelityReport sinceRowid(QSqlDatabase &db, const QString &table, qint64 lastRealRowid,
                                     QRandomGenerator &random);
    // numeric, datetime, categorical or other; `dateFormat` is set for datetime.
    static QString classify(const TableInfo &table, const ColumnInfo &column,
                            const QVariantList &realValues, QString *dateFormat);
};
