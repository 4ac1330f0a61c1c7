#include "CategoryRuleMiner.h"

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

void CategoryRuleMiner::nulls(const QStringList &names, const QList<QVariantList> &rows,
                              const std::vector<Column> &columns, QJsonArray &rules)
{
    for (int b = 0; b < int(columns.size()); ++b) {
        const Column &y = columns[size_t(b)];
        const double nulls = double(std::count(y.null.begin(), y.null.end(), true));
        if (nulls == 0 || nulls == double(rows.size()))
            continue;
        const double p = nulls / double(rows.size());
        for (int a = 0; a < int(columns.size()); ++a) {
            const Column &x = columns[size_t(a)];
            if (a == b || !x.category)
                continue;
            QHash<QString, QPair<qint64, qint64>> byValue; // rows, NULLs of b
            QHash<QString, QJsonValue> original;
            for (qsizetype r = 0; r < rows.size(); ++r) {
                if (x.null[size_t(r)])
                    continue;
                auto &[count, bNulls] = byValue[x.text[r]];
                ++count;
                bNulls += y.null[size_t(r)] ? 1 : 0;
                original.insert(x.text[r], RecipeValue::toJson(rows[r][a]));
            }
            QJsonArray alwaysNull, neverNull;
            qint64 coveredNull = 0, coveredValue = 0;
            QStringList keys = byValue.keys();
            keys.sort();
            for (const QString &key : keys) {
                const auto [count, bNulls] = byValue.value(key);
                if (bNulls == count && std::pow(p, double(count)) < RuleMiner::Chance) {
                    alwaysNull << original.value(key);
                    coveredNull += count;
                } else if (bNulls == 0 && std::pow(1 - p, double(count)) < RuleMiner::Chance) {
                    neverNull << original.value(key);
                    coveredValue += count;
                }
            }
            if (!alwaysNull.isEmpty() && coveredNull >= RuleMiner::MinRows)
                rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("null_if")},
                                     {QStringLiteral("column"), names[b]},
                                     {QStringLiteral("when"), names[a]},
                                     {QStringLiteral("in"), alwaysNull}};
            if (!neverNull.isEmpty() && coveredValue >= RuleMiner::MinRows)
                rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("not_null_if")},
                                     {QStringLiteral("column"), names[b]},
                                     {QStringLiteral("when"), names[a]},
                                     {QStringLiteral("in"), neverNull}};
        }
    }
}

// The phone's "+34 91" by city: the first k words of b are fixed by a.
void CategoryRuleMiner::prefixes(const QStringList &names, const QList<QVariantList> &rows,
                                 const std::vector<Column> &columns, QJsonArray &rules)
{
    for (int b = 0; b < int(columns.size()); ++b) {
        const Column &y = columns[size_t(b)];
        if (y.kind != Kind::Text || y.category)
            continue;
        int minWords = INT_MAX;
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (!y.null[size_t(r)])
                minWords = std::min(minWords, int(y.text[r].count(u' ')) + 1);
        }
        if (minWords < 2 || minWords == INT_MAX)
            continue;
        QJsonObject best;
        int bestWords = 0, bestDistinct = INT_MAX;
        // The first k words of every value, worked out once for all candidate columns.
        std::vector<QStringList> prefixesOf(static_cast<size_t>(minWords));
        for (int k = 1; k < minWords; ++k) {
            QStringList &list = prefixesOf[size_t(k)];
            list.reserve(rows.size());
            for (qsizetype r = 0; r < rows.size(); ++r)
                list << (y.null[size_t(r)] ? QString() : y.text[r].section(u' ', 0, k - 1));
        }
        for (int a = 0; a < int(columns.size()); ++a) {
            const Column &x = columns[size_t(a)];
            if (a == b || !x.category)
                continue;
            for (int k = minWords - 1; k >= 1 && k >= bestWords; --k) {
                QHash<QString, QString> prefixOf;
                QSet<QString> prefixes;
                bool holds = true;
                qint64 repeats = 0;
                for (qsizetype r = 0; r < rows.size() && holds; ++r) {
                    if (y.null[size_t(r)] || x.null[size_t(r)])
                        continue;
                    const QString &prefix = prefixesOf[size_t(k)][r];
                    prefixes.insert(prefix);
                    const auto it = prefixOf.constFind(x.text[r]);
                    if (it == prefixOf.constEnd())
                        prefixOf.insert(x.text[r], prefix);
                    else
                        holds = it.value() == prefix, ++repeats;
                }
                if (!holds || repeats < RuleMiner::MinRows || prefixes.size() < 2)
                    continue;
                if (k > bestWords || (k == bestWords && x.distinct < bestDistinct)) {
                    QJsonObject map;
                    for (auto it = prefixOf.constBegin(); it != prefixOf.constEnd(); ++it)
                        map.insert(it.key(), it.value());
                    best = QJsonObject{{QStringLiteral("rule"), QStringLiteral("prefix")},
                                       {QStringLiteral("column"), names[b]},
                                       {QStringLiteral("given"), names[a]},
                                       {QStringLiteral("words"), k},
                                       {QStringLiteral("map"), map}};
                    bestWords = k;
                    bestDistinct = x.distinct;
                }
                break;
            }
        }
        if (!best.isEmpty())
            rules << best;
    }
}
