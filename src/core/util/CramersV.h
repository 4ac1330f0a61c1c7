#pragma once

#include <QHash>
#include <QPair>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

// Bias-corrected Cramér's V (Bergsma 2013) of a contingency table given by its non-empty
// cells: 0 when two categorical columns are independent, 1 when each determines the other.
// The correction matters: many sparse cells inflate the plain statistic, which would link a
// high-cardinality column to anything in a small table. 0 for fewer than two rows or a table
// with a single row or column; not clamped (callers compare it or clamp it).
template <typename Key> double biasCorrectedCramersV(const QHash<QPair<Key, Key>, qint64> &cells)
{
    QHash<Key, double> rows, columns;
    double n = 0;
    for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
        rows[it.key().first] += double(it.value());
        columns[it.key().second] += double(it.value());
        n += double(it.value());
    }
    if (n < 2 || rows.size() < 2 || columns.size() < 2)
        return 0;
    // Summed in key order: a QHash's order changes from run to run, and with it the last bits
    // of the sum, which flipped near-equal choices and so the rows a seed gives.
    std::vector<std::pair<QPair<Key, Key>, qint64>> ordered(cells.constKeyValueBegin(),
                                                            cells.constKeyValueEnd());
    std::sort(ordered.begin(), ordered.end());
    double chi2 = n; // over all cells the expected counts add up to n; empty cells add theirs
    for (const auto &[key, count] : ordered) {
        const double expected = rows[key.first] * columns[key.second] / n;
        const double observed = double(count);
        chi2 += (observed - expected) * (observed - expected) / expected - expected;
    }
    const double r = double(rows.size()), c = double(columns.size());
    const double phi2 = std::max(0.0, chi2 / n - (r - 1) * (c - 1) / (n - 1));
    const double rCorrected = r - (r - 1) * (r - 1) / (n - 1);
    const double cCorrected = c - (c - 1) * (c - 1) / (n - 1);
    const double denominator = std::min(rCorrected, cCorrected) - 1;
    return denominator > 0 ? std::sqrt(phi2 / denominator) : 0;
}
