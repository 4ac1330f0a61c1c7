#include "CopulaLearner.h"

#include "QuantileSampler.h"
#include "util/NormalDistribution.h"
#include "util/Pearson.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

// Solves a x = b for a small symmetric system (Gaussian elimination with pivoting); false when
// it is singular.
bool solve(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double> &x)
{
    const size_t n = b.size();
    for (size_t col = 0; col < n; ++col) {
        size_t pivot = col;
        for (size_t r = col + 1; r < n; ++r) {
            if (std::abs(a[r][col]) > std::abs(a[pivot][col]))
                pivot = r;
        }
        if (std::abs(a[pivot][col]) < 1e-9)
            return false;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (size_t r = col + 1; r < n; ++r) {
            const double f = a[r][col] / a[col][col];
            for (size_t k = col; k < n; ++k)
                a[r][k] -= f * a[col][k];
            b[r] -= f * b[col];
        }
    }
    x.assign(n, 0);
    for (size_t r = n; r-- > 0;) {
        double sum = b[r];
        for (size_t k = r + 1; k < n; ++k)
            sum -= a[r][k] * x[k];
        x[r] = sum / a[r][r];
    }
    return true;
}

// How much of the target the chosen columns explain (R squared), with their weights.
double explained(const std::vector<size_t> &chosen, const std::vector<std::vector<double>> &r,
                 const std::vector<double> &withTarget, std::vector<double> &weights)
{
    std::vector<std::vector<double>> a(chosen.size(), std::vector<double>(chosen.size()));
    std::vector<double> b(chosen.size());
    for (size_t i = 0; i < chosen.size(); ++i) {
        b[i] = withTarget[chosen[i]];
        for (size_t j = 0; j < chosen.size(); ++j)
            a[i][j] = r[chosen[i]][chosen[j]];
    }
    if (!solve(a, b, weights))
        return -1;
    return std::inner_product(weights.begin(), weights.end(), b.begin(), 0.0);
}

QJsonArray quantilesOf(const std::vector<double> &values, const std::vector<int> &rows, bool dates)
{
    std::vector<double> present;
    for (const int r : rows) {
        if (!std::isnan(values[size_t(r)]))
            present.push_back(values[size_t(r)]);
    }
    std::sort(present.begin(), present.end());
    QJsonArray array;
    for (const double q : QuantileSampler::quantilesOf(
             present, int(std::min<size_t>(present.size(), CopulaLearner::Quantiles)))) {
        if (dates)
            array << QDateTime::fromMSecsSinceEpoch(qint64(std::llround(q * 1000)), Qt::UTC)
                         .toString(Qt::ISODateWithMs);
        else
            array << q;
    }
    return array;
}

} // namespace

std::vector<double> CopulaLearner::normalScores(const std::vector<double> &values,
                                                const std::vector<int> &rows)
{
    std::vector<double> scores(rows.size(), std::nan(""));
    std::vector<size_t> present;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!std::isnan(values[size_t(rows[i])]))
            present.push_back(i);
    }
    auto value = [&](size_t i) { return values[size_t(rows[i])]; };
    std::sort(present.begin(), present.end(),
              [&](size_t a, size_t b) { return value(a) < value(b); });
    const double n = double(present.size());
    for (size_t i = 0; i < present.size();) {
        size_t j = i;
        while (j < present.size() && value(present[j]) == value(present[i]))
            ++j;
        const double rank = (double(i) + double(j - 1)) / 2 + 1; // ranks from 1, ties shared
        const double score = NormalDistribution::quantile(rank / (n + 1));
        for (size_t m = i; m < j; ++m)
            scores[present[m]] = score;
        i = j;
    }
    return scores;
}

std::vector<CopulaLearner::Column> CopulaLearner::strongest(const std::vector<double> &targetScores,
                                                            std::vector<Column> candidates)
{
    std::vector<std::pair<double, size_t>> byStrength;
    for (size_t i = 0; i < candidates.size(); ++i)
        byStrength.emplace_back(-std::abs(pearson(targetScores, *candidates[i].scores)), i);
    std::stable_sort(byStrength.begin(), byStrength.end());
    std::vector<Column> ordered;
    for (const auto &[strength, i] : byStrength)
        ordered.push_back(candidates[i]);
    return ordered;
}

QJsonObject CopulaLearner::fit(const std::vector<double> &target, const std::vector<int> &rows,
                               const std::vector<Column> &candidates, const QStringList &names)
{
    const size_t k = std::min<size_t>(candidates.size(), MaxCandidates);
    if (k == 0 || rows.size() < size_t(MinRows))
        return {};
    const std::vector<double> y = normalScores(target, rows);
    std::vector<std::vector<double>> x;
    for (size_t i = 0; i < k; ++i)
        x.push_back(normalScores(*candidates[i].values, rows));
    std::vector<double> withTarget(k);
    std::vector<std::vector<double>> r(k, std::vector<double>(k, 1));
    double complete = double(rows.size());
    for (size_t i = 0; i < k; ++i) {
        withTarget[i] = pearson(x[i], y);
        double pairs = 0;
        for (size_t row = 0; row < y.size(); ++row)
            pairs += !std::isnan(x[i][row]) && !std::isnan(y[row]);
        complete = std::min(complete, pairs);
        for (size_t j = 0; j < i; ++j)
            r[i][j] = r[j][i] = pearson(x[i], x[j]);
    }
    std::vector<size_t> chosen;
    std::vector<double> weights;
    double r2 = 0;
    while (int(chosen.size()) < MaxGiven) {
        size_t best = k;
        double bestR2 = r2;
        std::vector<double> bestWeights;
        for (size_t i = 0; i < k; ++i) {
            if (std::find(chosen.begin(), chosen.end(), i) != chosen.end())
                continue;
            std::vector<size_t> trial = chosen;
            trial.push_back(i);
            std::vector<double> w;
            const double value = explained(trial, r, withTarget, w);
            // Two columns that say nearly the same (correlations taken over different rows
            // when some are NULL) give large weights of opposite signs: noise, not a relation.
            const bool tame = std::all_of(w.begin(), w.end(),
                                          [](double weight) { return std::abs(weight) <= 2; });
            if (tame && value > bestR2) {
                best = i;
                bestR2 = value;
                bestWeights = w;
            }
        }
        if (best == k)
            break;
        // The F test of one more column: what it explains of what was left, against the rows
        // left to estimate it. A column that explains all of it needs no test.
        const double left = complete - double(chosen.size()) - 2;
        const bool exact = bestR2 >= 1 - 1e-12;
        if (left < 1 || (!exact && (bestR2 - r2) * left / (1 - bestR2) < 3.84))
            break;
        chosen.push_back(best);
        weights = bestWeights;
        r2 = bestR2;
        if (exact)
            break;
    }
    if (chosen.empty())
        return {};
    QJsonArray given;
    for (size_t i = 0; i < chosen.size(); ++i) {
        const Column &column = candidates[chosen[i]];
        given << QJsonObject{
            {QStringLiteral("column"), names[column.index]},
            {QStringLiteral("quantiles"), quantilesOf(*column.values, rows, column.dates)},
            {QStringLiteral("weight"), std::round(weights[i] * 1e4) / 1e4}};
    }
    const double noise = std::sqrt(std::max(1 - r2, MinNoise * MinNoise));
    return {{QStringLiteral("given"), given},
            {QStringLiteral("noise"), std::round(noise * 1e4) / 1e4}};
}
