#include "ValueGenerator.h"

#include "RowHashSet.h"

quint64 ValueGenerator::context(const std::vector<GeneratedValue> &row) const
{
    quint64 hash = 0;
    for (const int column : dependencies())
        hash = RowHashSet::combine(hash, RowHashSet::hashValue(row[size_t(column)]));
    return hash;
}
