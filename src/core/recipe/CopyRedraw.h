#pragma once

#include "GeneratedValue.h"
#include "WeightedPicker.h"

#include <QRandomGenerator>
#include <QSet>
#include <vector>

// What to draw again when a new row copies an existing one. Refusing the whole row would take
// the most typical rows out of the result: in a survey table where 16% of the real rows repeat,
// the commonest answers (a happy marriage, no affairs) came out 7 points too rare. Drawing one
// column again (and those that depend on it) keeps the rest of the row as it was drawn. The
// column is picked with a weight of how many values it takes in the first rows accepted: a
// column with many values changes the row least in distribution, a constant cannot help.
class CopyRedraw
{
public:
    static constexpr int ObservedRows = 256;
    static constexpr int MaxRedraws = 8; // then the row counts as refused

    explicit CopyRedraw(size_t width) : m_distinct(width) {}
    // An accepted row; only the first ObservedRows count.
    void observe(const std::vector<GeneratedValue> &row);
    // A column index to draw again, or -1 when no column has taken two values yet.
    int pick(QRandomGenerator &random);

private:
    std::vector<QSet<quint64>> m_distinct;
    int m_observed = 0;
    bool m_stale = true;
    WeightedPicker<int> m_picker;
    bool m_possible = false;
};
