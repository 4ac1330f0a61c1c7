#pragma once

#include "ColumnProfile.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>

// Profiles every visible column of a table: over the whole table when it is small, over a
// bounded random sample when it is large, so a 10,000,000-row table costs the same as a
// 2,000-row one.
class ColumnProfiler
{
public:
    static constexpr int SampleRows = 2000;
    static constexpr int LowCardinality = 20; // distinct values up to this get frequencies

    static QList<ColumnProfile> profile(QSqlDatabase &db, const TableInfo &table,
                                        QRandomGenerator &random);
    // Profiles values already read (tests, and callers that have them).
    static ColumnProfile profileValues(const ColumnInfo &column, const QVariantList &values);
    static QString detectFormat(const QStringList &texts);
};
