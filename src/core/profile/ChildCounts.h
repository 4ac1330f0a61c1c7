#pragma once

#include "db/RowidRanges.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <vector>

// How many children each parent has through a foreign key: the shape that grown parents are
// given children by (most customers with a few orders, some with none, hubs with many).
class ChildCounts
{
public:
    // One count per parent row (zeros included), in no particular order; rows in the ranges
    // (generated earlier) are left out on both sides.
    static std::vector<int> perParent(QSqlDatabase &db, const TableInfo &child,
                                      const ForeignKey &key, const TableInfo &parent,
                                      const RowidRanges &childLeftOut = {},
                                      const RowidRanges &parentLeftOut = {});
    // Counts for `n` new parents that follow `real` as closely as n allows: every real count
    // once per whole multiple of its size, then a sample without repeats, in random order.
    // Drawn one by one, 77 parents' counts missed the real shape by chance (and a hub drawn
    // twice among 1,000 airports added 40% to their flights).
    static std::vector<int> draw(const std::vector<int> &real, size_t n, QRandomGenerator &random);
};
