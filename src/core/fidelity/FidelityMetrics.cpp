#include "FidelityMetrics.h"

#include "util/CramersV.h"
#include "util/Pearson.h"

#include <algorithm>
#include <cmath>

double FidelityMetrics::ksComplement(std::vector<double> real, std::vector<double> synthetic)
{
    if (real.empty() || synthetic.empty())
        return real.empty() && synthetic.empty() ? 1.0 : 0.0;
    std::sort(real.begin(), real.end());
    std::sort(synthetic.begin(), synthetic.end());
    // Walk both sorted samples; at every distinct value compare the CDFs after it.
    size_t i = 0, j = 0;
    double d = 0;
    const double n = double(real.size()), m = double(synthetic.size());
    while (i < real.size() || j < synthetic.size()) {
        const double x = j >= synthetic.size() || (i < real.size() && real[i] <= synthetic[j])
                             ? real[i]
                             : synthetic[j];
        while (i < real.size() && real[i] <= x)
            ++i;
        while (j < synthetic.size() && synthetic[j] <= x)
            ++j;
        d = std::max(d, std::fabs(double(i) / n - double(j) / m));
    }
    return 1.0 - d;
}

double FidelityMetrics::tvComplement(const QHash<QString, qint64> &real,
                                     const QHash<QString, qint64> &synthetic)
{
    double realTotal = 0, syntheticTotal = 0;
    for (const qint64 count : real)
        realTotal += double(count);
    for (const qint64 count : synthetic)
        syntheticTotal += double(count);
    if (realTotal == 0 || syntheticTotal == 0)
        return realTotal == syntheticTotal ? 1.0 : 0.0;
    double sum = 0;
    for (auto it = real.constBegin(); it != real.constEnd(); ++it)
        sum += std::fabs(double(synthetic.value(it.key())) / syntheticTotal -
                         double(it.value()) / realTotal);
    for (auto it = synthetic.constBegin(); it != synthetic.constEnd(); ++it) {
        if (!real.contains(it.key()))
            sum += double(it.value()) / syntheticTotal;
    }
    return 1.0 - sum / 2.0;
}

double FidelityMetrics::boundaryAdherence(const std::vector<double> &real,
                                          const std::vector<double> &synthetic)
{
    if (synthetic.empty())
        return 1.0;
    if (real.empty())
        return 0.0;
    const auto range = std::minmax_element(real.begin(), real.end());
    // Copied: a C++17 lambda cannot capture structured bindings (clang refuses).
    const double low = *range.first, high = *range.second;
    const auto inside = std::count_if(synthetic.begin(), synthetic.end(),
                                      [&](double value) { return value >= low && value <= high; });
    return double(inside) / double(synthetic.size());
}

double FidelityMetrics::categoryAdherence(const QHash<QString, qint64> &real,
                                          const QHash<QString, qint64> &synthetic)
{
    double total = 0, known = 0;
    for (auto it = synthetic.constBegin(); it != synthetic.constEnd(); ++it) {
        total += double(it.value());
        if (real.contains(it.key()))
            known += double(it.value());
    }
    return total == 0 ? 1.0 : known / total;
}

double FidelityMetrics::missingValueSimilarity(double realNullFraction,
                                               double syntheticNullFraction)
{
    return 1.0 - std::fabs(realNullFraction - syntheticNullFraction);
}

double FidelityMetrics::pearson(const std::vector<double> &x, const std::vector<double> &y)
{
    return ::pearson(x, y);
}

double FidelityMetrics::correlationSimilarity(double realCorrelation, double syntheticCorrelation)
{
    return 1.0 - std::fabs(realCorrelation - syntheticCorrelation) / 2.0;
}

double FidelityMetrics::contingencySimilarity(const QHash<QPair<int, int>, qint64> &real,
                                              const QHash<QPair<int, int>, qint64> &synthetic)
{
    double realTotal = 0, syntheticTotal = 0;
    for (const qint64 count : real)
        realTotal += double(count);
    for (const qint64 count : synthetic)
        syntheticTotal += double(count);
    if (realTotal == 0 || syntheticTotal == 0)
        return realTotal == syntheticTotal ? 1 : 0;
    double difference = 0;
    for (auto it = real.constBegin(); it != real.constEnd(); ++it)
        difference += std::fabs(double(it.value()) / realTotal -
                                double(synthetic.value(it.key())) / syntheticTotal);
    for (auto it = synthetic.constBegin(); it != synthetic.constEnd(); ++it) {
        if (!real.contains(it.key()))
            difference += double(it.value()) / syntheticTotal;
    }
    return 1.0 - difference / 2.0;
}

double FidelityMetrics::cramersV(const QHash<QPair<int, int>, qint64> &table)
{
    return std::min(1.0, biasCorrectedCramersV(table));
}
