#pragma once

#include "FidelityReport.h"

#include <QList>
#include <QString>
#include <vector>

// SDMetrics' Column Pair Trends: for every pair of columns, how closely the new rows keep
// the real rows' relationship. Two numeric or date columns compare Pearson correlations
// (CorrelationSimilarity); any other pair compares contingency tables (ContingencySimilarity),
// numbers in 10 bins at the real deciles, NULL a category of its own.
class PairTrends
{
public:
    static constexpr int MaxColumns = 40; // 780 pairs

    struct Series
    {
        QString name;
        bool numeric = false;                       // numeric or datetime
        std::vector<double> real, synthetic;        // NaN for NULL (numeric columns)
        std::vector<int> realCodes, syntheticCodes; // category or decile bin, -1 for NULL
    };

    // Fills the codes of a numeric series from its numbers (deciles of the real values).
    static void bin(Series &series);
    static QList<FidelityReport::Pair> compute(const QList<Series> &columns);
};
