#pragma once

#include "db/RowidRanges.h"
#include "db/TableInfo.h"

#include <QList>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariantList>
#include <limits>

// Picks rows uniformly at random without scanning the table: for rowid tables, random rowids
// between the smallest and the largest, retried on gaps; ORDER BY random() only for small
// tables, WITHOUT ROWID tables and views.
class RowSampler
{
public:
    // Up to `count` distinct rows, values in `columns` order (default: every visible column).
    // Rowid tables can be limited to rowids in [minRowid, maxRowid] (rows before or after a
    // generation, for the fidelity report) and can leave out `excluded` rowids (rows Rowforge
    // generated, so that learning sees real rows only).
    static QList<QVariantList> sample(QSqlDatabase &db, const TableInfo &table, int count,
                                      QRandomGenerator &random, QStringList columns = {},
                                      qint64 minRowid = std::numeric_limits<qint64>::min(),
                                      qint64 maxRowid = std::numeric_limits<qint64>::max(),
                                      const RowidRanges &excluded = {});
    // Rowid spans up to this size are sampled with ORDER BY random().
    static constexpr qint64 SmallSpan = 2000;
};
