#pragma once

#include <QHash>
#include <QString>
#include <vector>

// The SDMetrics definitions (shared/docs/fidelity-metrics.md) as plain functions over values
// with nulls already dropped. Every score is in [0, 1], 1 best.
class FidelityMetrics
{
public:
    // 1 - D, D the two-sample Kolmogorov-Smirnov statistic of the empirical CDFs.
    static double ksComplement(std::vector<double> real, std::vector<double> synthetic);
    // 1 - half the sum over categories of |p_synthetic - p_real|.
    static double tvComplement(const QHash<QString, qint64> &real,
                               const QHash<QString, qint64> &synthetic);
    // Share of synthetic values within [min, max] of the real ones.
    static double boundaryAdherence(const std::vector<double> &real,
                                    const std::vector<double> &synthetic);
    // Share of synthetic values that occur among the real ones.
    static double categoryAdherence(const QHash<QString, qint64> &real,
                                    const QHash<QString, qint64> &synthetic);
    // 1 - |null fraction real - null fraction synthetic|.
    static double missingValueSimilarity(double realNullFraction, double syntheticNullFraction);
    // Pearson's r over the pairs where neither value is NaN (0 when either side is constant).
    static double pearson(const std::vector<double> &x, const std::vector<double> &y);
    // 1 - |r_real - r_synthetic| / 2.
    static double correlationSimilarity(double realCorrelation, double syntheticCorrelation);
    // 1 - half the sum over cells (a, b) of |P_real(a, b) - P_synthetic(a, b)|; the tables
    // hold counts keyed by the pair of categories.
    static double contingencySimilarity(const QHash<QPair<int, int>, qint64> &real,
                                        const QHash<QPair<int, int>, qint64> &synthetic);
    // Bias-corrected Cramér's V of a contingency table (0 none, 1 each determines the other).
    static double cramersV(const QHash<QPair<int, int>, qint64> &table);
};
