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
};
