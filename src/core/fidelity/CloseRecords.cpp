#include "CloseRecords.h"

#include <cmath>
#include <numeric>

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

std::vector<int> pick(qint64 count, int limit, QRandomGenerator &random)
{
    std::vector<int> rows(static_cast<size_t>(count));
    std::iota(rows.begin(), rows.end(), 0);
    for (int i = 0; i < std::min<int>(limit, int(count)); ++i)
        std::swap(rows[size_t(i)], rows[size_t(i + int(random.bounded(quint32(count - i))))]);
    rows.resize(size_t(std::min<qint64>(limit, count)));
    return rows;
}

} // namespace

FidelityReport::Privacy CloseRecords::measure(const QList<Column> &columns, qint64 realRows,
                                              qint64 syntheticRows, QRandomGenerator &random)
{
    FidelityReport::Privacy privacy;
    if (columns.isEmpty() || realRows < 2 || syntheticRows < 1)
        return privacy;
    std::vector<double> ranges;
    for (const Column &column : columns) {
        double low = INFINITY, high = -INFINITY;
        for (const double value : column.real) {
            if (!std::isnan(value))
                low = std::min(low, value), high = std::max(high, value);
        }
        ranges.push_back(high > low ? high - low : 1);
    }
    auto distance = [&](int realRow, bool synthetic, int row) {
        double sum = 0;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const Column &column = columns[c];
            if (column.numeric) {
                const double a = column.real[size_t(realRow)];
                const double b =
                    synthetic ? column.synthetic[size_t(row)] : column.real[size_t(row)];
                if (std::isnan(a) || std::isnan(b))
                    sum += std::isnan(a) == std::isnan(b) ? 0 : 1;
                else
                    sum += std::min(1.0, std::fabs(a - b) / ranges[size_t(c)]);
            } else {
                const int a = column.realCodes[size_t(realRow)];
                const int b =
                    synthetic ? column.syntheticCodes[size_t(row)] : column.realCodes[size_t(row)];
                sum += a == b ? 0 : 1;
            }
        }
        return sum / double(columns.size());
    };
    const std::vector<int> searched = pick(realRows, MaxReal, random);
    auto nearest = [&](bool synthetic, int row) {
        double best = INFINITY;
        for (const int real : searched) {
            if (!synthetic && real == row)
                continue;
            best = std::min(best, distance(real, synthetic, row));
            if (best == 0)
                break;
        }
        return best;
    };
    std::vector<double> syntheticDistances, realDistances;
    for (const int row : pick(syntheticRows, MaxProbes, random))
        syntheticDistances.push_back(nearest(true, row));
    // The real rows' own distances are the yardstick; a handful of new rows needs no more
    // precision than a few dozen probes give (the report marks such scores rough anyway).
    const int realProbes =
        int(std::min<qint64>(MaxProbes, std::max<qint64>(40, syntheticRows * 4)));
    for (const int row : pick(realRows, realProbes, random))
        realDistances.push_back(nearest(false, row));
    privacy.exactShare =
        double(std::count(syntheticDistances.begin(), syntheticDistances.end(), 0.0)) /
        double(syntheticDistances.size());
    privacy.syntheticMedian = median(syntheticDistances);
    privacy.realMedian = median(realDistances);
    return privacy;
}
