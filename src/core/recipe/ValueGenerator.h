#pragma once

#include "GeneratedValue.h"

#include <QRandomGenerator>
#include <vector>

// Makes one column's values, one row at a time. `row` holds the values generated so far in
// this row (by recipe column index), for generators that depend on another column.
class ValueGenerator
{
public:
    virtual ~ValueGenerator() = default;
    virtual void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                          GeneratedValue &out) = 0;
    // The columns this one is drawn after or given (recipe column indexes).
    virtual std::vector<int> dependencies() const { return {}; }
    // What this column's value is drawn given in `row`, as a fingerprint: two rows with the
    // same context draw it from the same distribution. By default the values of its
    // dependencies; a tree's leaf is coarser.
    virtual quint64 context(const std::vector<GeneratedValue> &row) const;
    // How many different values it can make, or -1 when that is unbounded or unknown: a unique
    // column that runs out can then say how many values were left.
    virtual double distinctValues() const { return -1; }
};
