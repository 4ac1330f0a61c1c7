#pragma once

#include "db/RowidRanges.h"
#include "db/TableInfo.h"

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
};
