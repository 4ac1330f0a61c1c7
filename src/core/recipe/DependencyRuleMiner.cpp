#include "DependencyRuleMiner.h"

#include "RecipeValue.h"
#include "RuleMiner.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace {
using Column = MinedColumn;
using Kind = MinedColumn::Kind;
} // namespace

// a -> b: every value of a comes with one value of b (NULL counts as a value of b).
void DependencyRuleMiner::single(const QStringList &names, const QList<QVariantList> &rows,
                                 const std::vector<Column> &columns, QJsonArray &rules)
{
    const int n = int(std::min<size_t>(columns.size(), RuleMiner::MaxPairColumns));
    for (int a = 0; a < n; ++a) {
        const Column &x = columns[size_t(a)];
        const qint64 present = std::count(x.null.begin(), x.null.end(), false);
        if (x.kind == Kind::Empty || x.distinct < 2 || x.distinct * 2 > present ||
            x.distinct > RuleMiner::MaxMapEntries || (x.kind != Kind::Text && !x.category))
            continue;
        for (int b = 0; b < n; ++b) {
            const Column &y = columns[size_t(b)];
            if (a == b || y.kind == Kind::Empty || y.distinct < 2)
                continue;
            QHash<QString, qsizetype> first; // a's value -> the row it was first seen in
            QHash<QString, qint64> yCounts;
            bool holds = true;
            qint64 repeats = 0, seen = 0;
            for (qsizetype r = 0; r < rows.size() && holds; ++r) {
                if (x.null[size_t(r)])
                    continue;
                ++seen;
                ++yCounts[y.null[size_t(r)] ? QStringLiteral("\x01") : y.text[r]];
                const auto it = first.constFind(x.text[r]);
                if (it == first.constEnd()) {
                    first.insert(x.text[r], r);
                    continue;
                }
                ++repeats;
                holds = y.null[size_t(r)] == y.null[size_t(it.value())] &&
                        y.text[r] == y.text[it.value()];
            }
            if (!holds || repeats < RuleMiner::MinRows)
                continue;
            // By accident each repeat matches with probability sum(p^2) of b's values.
            double agree = 0;
            for (const qint64 count : yCounts)
                agree += double(count) * double(count) / (double(seen) * double(seen));
            if (agree >= 1 || std::pow(agree, double(repeats)) > RuleMiner::Chance)
                continue;
            QJsonObject map;
            for (auto it = first.constBegin(); it != first.constEnd(); ++it)
                map.insert(it.key(), y.null[size_t(it.value())]
                                         ? QJsonValue(QJsonValue::Null)
                                         : RecipeValue::toJson(rows[it.value()][b]));
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("determines")},
                                 {QStringLiteral("column"), names[a]},
                                 {QStringLiteral("then"), names[b]},
                                 {QStringLiteral("map"), map}};
        }
    }
}

// (a, b) -> c: a pair of categories fixes a third column that neither fixes alone (a route's
// distance, a month's date given its year and month number).
void DependencyRuleMiner::pairs(const QStringList &names, const QList<QVariantList> &rows,
                                const std::vector<Column> &columns, QJsonArray &rules)
{
    QSet<std::pair<QString, QString>> single; // a -> b rules already mined
    for (const QJsonValue &rule : std::as_const(rules)) {
        if (rule[QLatin1String("rule")].toString() == QLatin1String("determines"))
            single.insert(
                {rule[QLatin1String("column")].toString(), rule[QLatin1String("then")].toString()});
    }
    std::vector<int> keys;
    for (int c = 0; c < int(columns.size()) && int(keys.size()) < RuleMiner::MaxPairKeyColumns;
         ++c) {
        const Column &x = columns[size_t(c)];
        if (x.distinct >= 2 && (x.category || (x.kind == Kind::Text && x.distinct <= 255)))
            keys.push_back(c);
    }
    const int targets = int(std::min<size_t>(columns.size(), RuleMiner::MaxPairColumns));
    // Three columns of which any two fix the third (a route, its distance) make one rule, the
    // first found, not three.
    QSet<QString> triples;
    auto tripleOf = [&names](int a, int b, int c) {
        QStringList three{names[a], names[b], names[c]};
        three.sort();
        return three.join(QChar(0x1f));
    };
    for (size_t i = 0; i < keys.size(); ++i) {
        for (size_t j = i + 1; j < keys.size(); ++j) {
            const int a = keys[i], b = keys[j];
            if (single.contains({names[a], names[b]}) || single.contains({names[b], names[a]}))
                continue; // the pair is one of them
            const Column &x = columns[size_t(a)], &y = columns[size_t(b)];
            QHash<QString, qsizetype> first; // the pair's value -> the row it was first seen in
            std::vector<qsizetype> firstOf(size_t(rows.size()), -1);
            qint64 seen = 0;
            for (qsizetype r = 0; r < rows.size(); ++r) {
                if (x.null[size_t(r)] || y.null[size_t(r)])
                    continue;
                ++seen;
                const QString key = x.text[r] + QChar(0x1f) + y.text[r];
                firstOf[size_t(r)] = first.value(key, r);
                first.insert(key, firstOf[size_t(r)]);
            }
            const qint64 repeats = seen - first.size();
            if (repeats < RuleMiner::MinRows || first.size() > RuleMiner::MaxPairMapEntries)
                continue;
            for (int c = 0; c < targets; ++c) {
                const Column &z = columns[size_t(c)];
                if (c == a || c == b || z.kind == Kind::Empty || z.distinct < 2 ||
                    single.contains({names[a], names[c]}) ||
                    single.contains({names[b], names[c]}) || triples.contains(tripleOf(a, b, c)))
                    continue;
                bool holds = true;
                QHash<QString, qint64> zCounts;
                for (qsizetype r = 0; r < rows.size() && holds; ++r) {
                    const qsizetype f = firstOf[size_t(r)];
                    if (f < 0)
                        continue;
                    ++zCounts[z.null[size_t(r)] ? QStringLiteral("\x01") : z.text[r]];
                    holds = z.null[size_t(r)] == z.null[size_t(f)] && z.text[r] == z.text[f];
                }
                if (!holds)
                    continue;
                double agree = 0;
                for (const qint64 count : std::as_const(zCounts))
                    agree += double(count) * double(count) / (double(seen) * double(seen));
                if (agree >= 1 || std::pow(agree, double(repeats)) > RuleMiner::Chance)
                    continue;
                QJsonArray map;
                for (auto it = first.constBegin(); it != first.constEnd(); ++it) {
                    const qsizetype r = it.value();
                    map << QJsonArray{QJsonArray{RecipeValue::toJson(rows[r][a]),
                                                 RecipeValue::toJson(rows[r][b])},
                                      z.null[size_t(r)] ? QJsonValue(QJsonValue::Null)
                                                        : RecipeValue::toJson(rows[r][c])};
                }
                triples.insert(tripleOf(a, b, c));
                rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("determines")},
                                     {QStringLiteral("columns"), QJsonArray{names[a], names[b]}},
                                     {QStringLiteral("then"), names[c]},
                                     {QStringLiteral("map"), map}};
            }
        }
    }
}
