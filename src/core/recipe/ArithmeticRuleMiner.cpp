#include "ArithmeticRuleMiner.h"

#include "RuleMiner.h"

#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace {
using Column = MinedColumn;
using Kind = MinedColumn::Kind;
} // namespace

void ArithmeticRuleMiner::formulas(const QStringList &names, const std::vector<Column> &columns,
                                   QJsonArray &rules)
{
    std::vector<int> numbers;
    for (int c = 0; c < int(columns.size()) && int(numbers.size()) < RuleMiner::MaxFormulaColumns;
         ++c) {
        if (columns[size_t(c)].kind == Kind::Number && columns[size_t(c)].distinct > 2)
            numbers.push_back(c);
    }
    const char *operators[] = {"sum", "difference", "product"};
    for (const int c : numbers) {
        const Column &z = columns[size_t(c)];
        const double tolerance = 0.5 * std::pow(10.0, -z.decimals) + 1e-9;
        for (const int a : numbers) {
            for (const int b : numbers) {
                if (a == c || b == c || a == b)
                    continue;
                for (int op = 0; op < 3; ++op) {
                    if (op != 1 && a > b)
                        continue; // sums and products are symmetric
                    const Column &x = columns[size_t(a)], &y = columns[size_t(b)];
                    qint64 rowsSeen = 0;
                    bool holds = true;
                    for (size_t r = 0; r < z.value.size() && holds; ++r) {
                        if (std::isnan(x.value[r]) || std::isnan(y.value[r]) ||
                            std::isnan(z.value[r]))
                            continue;
                        ++rowsSeen;
                        const double expected = op == 0   ? x.value[r] + y.value[r]
                                                : op == 1 ? x.value[r] - y.value[r]
                                                          : x.value[r] * y.value[r];
                        holds = std::fabs(expected - z.value[r]) <=
                                tolerance + 1e-9 * std::fabs(expected);
                    }
                    if (!holds || rowsSeen < RuleMiner::MinRows)
                        continue;
                    rules << QJsonObject{{QStringLiteral("rule"), QLatin1String(operators[op])},
                                         {QStringLiteral("column"), names[c]},
                                         {QStringLiteral("of"), QJsonArray{names[a], names[b]}},
                                         {QStringLiteral("decimals"), z.decimals}};
                }
            }
        }
    }
}

// An amount per item within the range every real row keeps (an order of 3 items between 26
// and 420, at 8.67 to 139.91 an item), where pairing amounts with other rows' counts would
// break it. The count is a column of few whole numbers from 1; an amount a sum, difference or
// product writes is left to its formula.
void ArithmeticRuleMiner::per(const QStringList &names, const std::vector<Column> &columns,
                              QJsonArray &rules)
{
    constexpr int Shifts = 10; // other rows each amount is paired with by chance
    QSet<QString> written;
    for (const QJsonValue &rule : std::as_const(rules)) {
        const QString kind = rule[QLatin1String("rule")].toString();
        if (kind == QLatin1String("sum") || kind == QLatin1String("difference") ||
            kind == QLatin1String("product"))
            written.insert(rule[QLatin1String("column")].toString());
    }
    auto isCount = [](const Column &c) {
        if (c.kind != Kind::Number || !c.category || c.distinct < 2)
            return false;
        for (const double v : c.value) {
            if (!std::isnan(v) && (v < 1 || v != std::floor(v)))
                return false;
        }
        return true;
    };
    for (int b = 0; b < int(columns.size()) && b < RuleMiner::MaxPairColumns; ++b) {
        const Column &per = columns[size_t(b)];
        if (!isCount(per))
            continue;
        for (int a = 0; a < int(columns.size()) && a < RuleMiner::MaxPairColumns; ++a) {
            const Column &amount = columns[size_t(a)];
            if (a == b || amount.kind != Kind::Number || amount.category || amount.distinct <= 2 ||
                written.contains(names[a]))
                continue;
            std::vector<double> xs, ys;
            for (size_t r = 0; r < amount.value.size(); ++r) {
                if (!std::isnan(amount.value[r]) && !std::isnan(per.value[r])) {
                    xs.push_back(amount.value[r]);
                    ys.push_back(per.value[r]);
                }
            }
            const size_t n = xs.size();
            if (n < size_t(RuleMiner::MinRows) || *std::min_element(xs.begin(), xs.end()) < 0)
                continue;
            double low = xs[0] / ys[0], high = low;
            for (size_t r = 1; r < n; ++r) {
                low = std::min(low, xs[r] / ys[r]);
                high = std::max(high, xs[r] / ys[r]);
            }
            qint64 outside = 0;
            for (int shift = 1; shift <= Shifts; ++shift) {
                for (size_t r = 0; r < n; ++r) {
                    const double ratio = xs[r] / ys[(r + size_t(shift)) % n];
                    outside += ratio < low || ratio > high ? 1 : 0;
                }
            }
            const double kept = 1 - double(outside) / (double(n) * Shifts);
            if (std::pow(kept, double(n)) >= RuleMiner::Chance)
                continue;
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("per")},
                                 {QStringLiteral("column"), names[a]},
                                 {QStringLiteral("per"), names[b]},
                                 {QStringLiteral("min"), low},
                                 {QStringLiteral("max"), high},
                                 {QStringLiteral("decimals"), amount.decimals}};
        }
    }
}
