#include "OrderRuleMiner.h"

#include "RuleMiner.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace {
using Column = MinedColumn;
using Kind = MinedColumn::Kind;

// The chance that every one of n random pairs comes out a <= b, from the marginals alone.
bool orderedByChance(const std::vector<double> &a, const std::vector<double> &b, qint64 n)
{
    std::vector<double> sortedA = a;
    std::sort(sortedA.begin(), sortedA.end());
    double share = 0;
    for (const double y : b)
        share += double(std::upper_bound(sortedA.begin(), sortedA.end(), y) - sortedA.begin());
    share /= double(a.size()) * double(b.size());
    return share >= 1 || std::pow(share, double(n)) > RuleMiner::Chance;
}

} // namespace

void OrderRuleMiner::orders(const QStringList &names, const std::vector<Column> &columns,
                            QJsonArray &rules)
{
    std::vector<int> ordered;
    for (int c = 0; c < int(columns.size()) && int(ordered.size()) < RuleMiner::MaxPairColumns;
         ++c) {
        if (columns[size_t(c)].kind == Kind::Number || columns[size_t(c)].kind == Kind::Date)
            ordered.push_back(c);
    }
    for (const int a : ordered) {
        for (const int b : ordered) {
            const Column &x = columns[size_t(a)], &y = columns[size_t(b)];
            if (a == b || x.kind != y.kind || x.category || y.category)
                continue;
            qint64 pairs = 0;
            bool holds = true, strict = false;
            std::vector<double> xs, ys;
            for (size_t r = 0; r < x.value.size() && holds; ++r) {
                if (std::isnan(x.value[r]) || std::isnan(y.value[r]))
                    continue;
                ++pairs;
                holds = x.value[r] <= y.value[r];
                strict = strict || x.value[r] < y.value[r];
                xs.push_back(x.value[r]);
                ys.push_back(y.value[r]);
            }
            if (!holds || !strict || pairs < RuleMiner::MinOrderRows ||
                orderedByChance(xs, ys, pairs))
                continue;
            QJsonObject rule{{QStringLiteral("rule"), QStringLiteral("order")},
                             {QStringLiteral("columns"), QJsonArray{names[a], names[b]}}};
            if (x.kind == Kind::Date)
                rule.insert(QStringLiteral("format"), x.format);
            if (y.kind == Kind::Date && y.format != x.format)
                rule.insert(QStringLiteral("format2"), y.format);
            rules << rule;
        }
    }
}

// a != b: two columns over the same values that never hold the same one in a row (a home and an
// away team, an origin and a destination), where their shares would make them meet by chance.
// Pairs already ordered strictly are left to their order.
void OrderRuleMiner::differs(const QStringList &names, const std::vector<Column> &columns,
                             QJsonArray &rules)
{
    QSet<std::pair<QString, QString>> ordered;
    for (const QJsonValue &rule : std::as_const(rules)) {
        const QJsonArray pair = rule[QLatin1String("columns")].toArray();
        if (rule[QLatin1String("rule")].toString() == QLatin1String("order") && pair.size() == 2) {
            ordered.insert({pair[0].toString(), pair[1].toString()});
            ordered.insert({pair[1].toString(), pair[0].toString()});
        }
    }
    const int n = int(std::min<size_t>(columns.size(), RuleMiner::MaxPairColumns));
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            const Column &x = columns[size_t(a)], &y = columns[size_t(b)];
            if (x.kind == Kind::Empty || x.kind != y.kind || x.distinct < 2 || y.distinct < 2 ||
                x.format != y.format || ordered.contains({names[a], names[b]}))
                continue;
            QHash<QString, qint64> xCounts, yCounts;
            qint64 pairs = 0;
            bool holds = true;
            for (size_t r = 0; r < x.null.size() && holds; ++r) {
                if (x.null[r] || y.null[r])
                    continue;
                ++pairs;
                holds = x.text[qsizetype(r)] != y.text[qsizetype(r)];
                ++xCounts[x.text[qsizetype(r)]];
                ++yCounts[y.text[qsizetype(r)]];
            }
            if (!holds || pairs < RuleMiner::MinRows)
                continue;
            // By accident a row's two values meet with probability sum(p_a(v) p_b(v)).
            double meet = 0;
            for (auto it = xCounts.constBegin(); it != xCounts.constEnd(); ++it)
                meet += double(it.value()) * double(yCounts.value(it.key())) /
                        (double(pairs) * double(pairs));
            if (meet <= 0 || std::pow(1 - meet, double(pairs)) > RuleMiner::Chance)
                continue;
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("differs")},
                                 {QStringLiteral("columns"), QJsonArray{names[a], names[b]}}};
        }
    }
}
