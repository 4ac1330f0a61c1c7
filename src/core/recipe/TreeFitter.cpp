#include "TreeFitter.h"

#include "util/NormalDistribution.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace {
// The upper p-quantile of chi-squared with df degrees of freedom (Wilson and Hilferty).
double chiSquaredQuantile(double df, double p)
{
    const double a = 2.0 / (9.0 * df);
    return df * std::pow(1 - a - NormalDistribution::quantile(p) * std::sqrt(a), 3);
}

// Whether a split says more than chance, as conditional inference trees (ctree) ask: a
// chi-squared test of the target's classes (or NULL share, plus Welch's t on the values)
// between the two sides, Bonferroni-corrected for the number of splits tried. Without it a
// small table would split names on cities by accident, and new rows would copy the accident.
bool significant(const TreeColumn &t, const TreeFitter::Stats &total, const TreeFitter::Stats &then,
                 qint64 tried)
{
    constexpr double Alpha = 0.01;
    TreeFitter::Stats otherwise = total;
    otherwise.n -= then.n;
    otherwise.nulls -= then.nulls;
    otherwise.sum -= then.sum;
    otherwise.sumSquares -= then.sumSquares;
    otherwise.sumFourth -= then.sumFourth;
    double chi2 = 0, df = 0;
    auto addTable = [&](const std::vector<double> &a, const std::vector<double> &b) {
        const double na = std::accumulate(a.begin(), a.end(), 0.0);
        const double nb = std::accumulate(b.begin(), b.end(), 0.0);
        int used = 0;
        for (size_t k = 0; k < a.size(); ++k) {
            const double column = a[k] + b[k];
            if (column <= 0)
                continue;
            ++used;
            const double ea = column * na / (na + nb), eb = column * nb / (na + nb);
            chi2 += (a[k] - ea) * (a[k] - ea) / ea + (b[k] - eb) * (b[k] - eb) / eb;
        }
        df += std::max(0, used - 1);
    };
    if (t.target == TreeColumn::Kind::Numeric) {
        addTable({then.nulls, then.n - then.nulls},
                 {otherwise.nulls, otherwise.n - otherwise.nulls});
        const double n1 = then.n - then.nulls, n2 = otherwise.n - otherwise.nulls;
        // Welch's t of the two sides' means of z, then of z^2.
        auto welch = [&](double s1, double ss1, double s2, double ss2) {
            const double m1 = s1 / n1, m2 = s2 / n2;
            const double v1 = std::max(0.0, ss1 / n1 - m1 * m1) * n1 / (n1 - 1);
            const double v2 = std::max(0.0, ss2 / n2 - m2 * m2) * n2 / (n2 - 1);
            const double se = v1 / n1 + v2 / n2;
            if (se > 0) {
                chi2 += (m1 - m2) * (m1 - m2) / se;
                df += 1;
            }
            return se <= 0 && m1 != m2; // two constant sides with different values
        };
        if (n1 >= 2 && n2 >= 2 &&
            (welch(then.sum, then.sumSquares, otherwise.sum, otherwise.sumSquares) ||
             welch(then.sumSquares, then.sumFourth, otherwise.sumSquares, otherwise.sumFourth)))
            return true;
    } else {
        std::vector<double> other(total.counts.size());
        for (size_t k = 0; k < other.size(); ++k)
            other[k] = total.counts[k] - then.counts[k];
        addTable(then.counts, other);
    }
    if (df <= 0)
        return false;
    return chi2 > chiSquaredQuantile(df, Alpha / double(std::max<qint64>(1, tried)));
}
} // namespace

TreeFitter::TreeFitter(const TreeColumn &target, const std::vector<const TreeColumn *> &predictors,
                       const std::vector<int> &predictorColumns,
                       const std::vector<const std::vector<int> *> &sorted, int minLeaf)
    : m_t(target), m_predictors(predictors), m_columns(predictorColumns), m_sorted(sorted),
      m_minLeaf(minLeaf)
{
    double sum = 0, sumSquares = 0, sumFourth = 0, present = 0;
    for (size_t r = 0; r < target.number.size(); ++r) {
        const double value = target.number[r];
        if (std::isnan(value) || (value < 0 && target.gaps))
            continue;
        const double y = target.scores[r];
        sum += y;
        sumSquares += y * y;
        sumFourth += y * y * y * y;
        ++present;
    }
    if (present > 1) {
        const double location = (sumSquares - sum * sum / present) / present;
        const double spread = (sumFourth - sumSquares * sumSquares / present) / present;
        m_scale[0] = location > 0 ? location : 1;
        m_scale[1] = spread > 0 ? spread : 1;
    }
}

TreeFitter::Stats TreeFitter::stats(const std::vector<int> &rows) const
{
    Stats s(m_t.targetClasses);
    for (const int r : rows)
        s.add(m_t, r, 1);
    return s;
}

TreeFitter::Split TreeFitter::bestSplit(const std::vector<int> &rows,
                                        std::vector<char> &member) const
{
    Split best;
    if (int(rows.size()) < 2 * m_minLeaf)
        return best;
    const Stats total = stats(rows);
    const double parent = total.weightedImpurity(m_t, m_scale);
    if (parent <= 1e-9)
        return best;
    for (const int r : rows)
        member[size_t(r)] = 1;
    m_nodeRows = rows;
    m_tried = 0;
    for (size_t p = 0; p < m_predictors.size(); ++p) {
        const TreeColumn &x = *m_predictors[p];
        if (x.numericPredictor)
            numericSplit(int(p), x, total, parent, member, best);
        if (x.categoricalPredictor)
            categoricalSplit(int(p), x, rows, total, parent, best);
    }
    for (const int r : rows)
        member[size_t(r)] = 0;
    if (best.predictor >= 0 && !significant(m_t, total, best.then, m_tried))
        return Split();
    return best;
}

double TreeFitter::impurity(const std::vector<int> &rows) const
{
    return stats(rows).weightedImpurity(m_t, m_scale);
}

void TreeFitter::numericSplit(int p, const TreeColumn &x, const Stats &total, double parent,
                              const std::vector<char> &member, Split &best) const
{
    Stats left(m_t.targetClasses), right = total;
    int count = 0;
    // A small node sorts its own rows; a large one filters the column's sorted rows.
    std::vector<int> local;
    if (total.n * 8 < double(std::max(m_t.targetCode.size(), m_t.number.size()))) {
        local = m_nodeRows;
        local.erase(std::remove_if(local.begin(), local.end(),
                                   [&x](int r) { return std::isnan(x.orderValue[size_t(r)]); }),
                    local.end());
        std::sort(local.begin(), local.end(),
                  [&x](int a, int b) { return x.orderValue[size_t(a)] < x.orderValue[size_t(b)]; });
    }
    const std::vector<int> &order = local.empty() ? *m_sorted[size_t(p)] : local;
    for (size_t i = 0; i < order.size(); ++i) {
        const int r = order[i];
        if (!member[size_t(r)])
            continue;
        left.add(m_t, r, 1);
        right.add(m_t, r, -1);
        ++count;
        // The next row of this node with a value decides whether a split fits here.
        size_t j = i + 1;
        while (j < order.size() && !member[size_t(order[j])])
            ++j;
        if (j == order.size())
            break;
        const double here = x.orderValue[size_t(r)], next = x.orderValue[size_t(order[j])];
        if (here == next || count < m_minLeaf || right.n < m_minLeaf)
            continue;
        ++m_tried;
        const double gain =
            parent - left.weightedImpurity(m_t, m_scale) - right.weightedImpurity(m_t, m_scale);
        if (gain > best.gain) {
            best = Split{gain, p, true, here, {}, left};
        }
    }
}

void TreeFitter::categoricalSplit(int p, const TreeColumn &x, const std::vector<int> &rows,
                                  const Stats &total, double parent, Split &best) const
{
    QHash<int, Stats> byCode;
    for (const int r : rows) {
        auto it = byCode.find(x.code[size_t(r)]);
        if (it == byCode.end())
            it = byCode.insert(x.code[size_t(r)], Stats(m_t.targetClasses));
        it->add(m_t, r, 1);
    }
    if (byCode.size() < 2)
        return;
    // Order the categories by what they say of the target (its mean, its NULL share or
    // the share of the node's most common class) and try every prefix: exact for a
    // numeric target, a good heuristic otherwise. One category against the rest too.
    int majority = 0;
    if (m_t.target != TreeColumn::Kind::Numeric)
        majority =
            int(std::max_element(total.counts.begin(), total.counts.end()) - total.counts.begin());
    QList<QPair<double, int>> ordered;
    for (auto it = byCode.constBegin(); it != byCode.constEnd(); ++it) {
        const Stats &s = it.value();
        double score = 0;
        if (m_t.target == TreeColumn::Kind::Numeric) {
            const double present = s.n - s.nulls;
            score = present > 0 ? s.sum / present : -1e300;
            score += s.nulls / s.n * 1e-9;
        } else {
            score = s.counts[size_t(majority)] / s.n;
        }
        ordered << qMakePair(score, it.key());
    }
    std::sort(ordered.begin(), ordered.end());
    auto consider = [&](const std::vector<int> &codes) {
        Stats left(m_t.targetClasses);
        for (const int code : codes) {
            const Stats &s = byCode[code];
            left.n += s.n;
            left.nulls += s.nulls;
            left.sum += s.sum;
            left.sumSquares += s.sumSquares;
            left.sumFourth += s.sumFourth;
            for (size_t k = 0; k < left.counts.size(); ++k)
                left.counts[k] += s.counts[k];
        }
        if (left.n < m_minLeaf || total.n - left.n < m_minLeaf)
            return;
        Stats right = total;
        right.n -= left.n;
        right.nulls -= left.nulls;
        right.sum -= left.sum;
        right.sumSquares -= left.sumSquares;
        right.sumFourth -= left.sumFourth;
        left.countSquares = right.countSquares = 0;
        for (size_t k = 0; k < left.counts.size(); ++k) {
            right.counts[k] -= left.counts[k];
            left.countSquares += left.counts[k] * left.counts[k];
            right.countSquares += right.counts[k] * right.counts[k];
        }
        const double gain =
            parent - left.weightedImpurity(m_t, m_scale) - right.weightedImpurity(m_t, m_scale);
        if (gain > best.gain)
            best = Split{gain, p, false, 0, codes, left};
    };
    // Ordering by the target searches all 2^(k-1) - 1 ways to split k categories.
    m_tried += qint64(std::pow(2.0, double(std::min<qsizetype>(ordered.size(), 40) - 1))) - 1;
    std::vector<int> prefix;
    for (qsizetype i = 0; i + 1 < ordered.size(); ++i) {
        prefix.push_back(ordered[i].second);
        consider(prefix);
    }
    if (ordered.size() > 2) {
        for (const auto &[score, code] : ordered)
            consider({code});
    }
}
