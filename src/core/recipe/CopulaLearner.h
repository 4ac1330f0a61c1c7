#pragma once

#include <QJsonObject>
#include <QStringList>
#include <vector>

// Learns the "copula" of a number or date column (CopulaLink): which earlier numbers and dates
// its rank follows, with what weights, from the normal scores of the real rows. Columns are
// added one at a time, the one that explains most first, while each says more than chance
// (an F test at 5%): three at most, so that a leaf of a few rows is not fitted to its noise.
class CopulaLearner
{
public:
    static constexpr int MinRows = 8;
    static constexpr int MaxGiven = 3;
    static constexpr int MaxCandidates = 6; // tried per leaf, the most correlated overall first
    static constexpr double MinNoise = 0.05;
    static constexpr int Quantiles = 21; // of each given in a leaf, as a leaf keeps of its own

    struct Column
    {
        int index = -1;                    // in names
        const std::vector<double> *values; // NaN for NULL; dates as seconds
        bool dates = false;
        const std::vector<double> *scores; // normal scores over all rows (normalScores)
    };

    // Normal scores of `values` at `rows` (van der Waerden, ties sharing their mean rank), in
    // the order of `rows`: NaN for NULLs.
    static std::vector<double> normalScores(const std::vector<double> &values,
                                            const std::vector<int> &rows);
    // The candidates in order of their overall correlation with the target, strongest first.
    static std::vector<Column> strongest(const std::vector<double> &targetScores,
                                         std::vector<Column> candidates);
    // The "copula" entry for the target's values at `rows`, or an empty object when no
    // candidate says more than chance there.
    static QJsonObject fit(const std::vector<double> &target, const std::vector<int> &rows,
                           const std::vector<Column> &candidates, const QStringList &names);
};
