#include "PairTrends.h"

#include "FidelityMetrics.h"

#include <QHash>
#include <cmath>

void PairTrends::bin(Series &series)
{
    std::vector<double> sorted;
    for (const double value : series.real) {
        if (!std::isnan(value))
            sorted.push_back(value);
    }
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> edges; // the deciles: the largest value of bins 0..8
    for (int decile = 1; decile < 10 && !sorted.empty(); ++decile) {
        const size_t position = sorted.size() * size_t(decile) / 10;
        edges.push_back(sorted[std::min(sorted.size() - 1, position == 0 ? 0 : position - 1)]);
    }
    auto code = [&edges](double value) {
        if (std::isnan(value))
            return -1;
        return int(std::lower_bound(edges.begin(), edges.end(), value) - edges.begin());
    };
    series.realCodes.clear();
    series.syntheticCodes.clear();
    for (const double value : series.real)
        series.realCodes.push_back(code(value));
    for (const double value : series.synthetic)
        series.syntheticCodes.push_back(code(value));
}

QList<FidelityReport::Pair> PairTrends::compute(const QList<Series> &columns)
{
    QList<FidelityReport::Pair> pairs;
    const int n = int(std::min<qsizetype>(columns.size(), MaxColumns));
    auto table = [](const std::vector<int> &a, const std::vector<int> &b) {
        QHash<QPair<int, int>, qint64> counts;
        for (size_t r = 0; r < a.size(); ++r)
            ++counts[qMakePair(a[r], b[r])];
        return counts;
    };
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            const Series &x = columns[i], &y = columns[j];
            FidelityReport::Pair pair;
            pair.a = x.name;
            pair.b = y.name;
            if (x.numeric && y.numeric) {
                pair.metric = QStringLiteral("correlation");
                pair.real = FidelityMetrics::pearson(x.real, y.real);
                pair.synthetic = FidelityMetrics::pearson(x.synthetic, y.synthetic);
                pair.score = FidelityMetrics::correlationSimilarity(pair.real, pair.synthetic);
            } else {
                pair.metric = QStringLiteral("contingency");
                const auto real = table(x.realCodes, y.realCodes);
                const auto synthetic = table(x.syntheticCodes, y.syntheticCodes);
                pair.real = FidelityMetrics::cramersV(real);
                pair.synthetic = FidelityMetrics::cramersV(synthetic);
                pair.score = FidelityMetrics::contingencySimilarity(real, synthetic);
            }
            pairs << pair;
        }
    }
    return pairs;
}
