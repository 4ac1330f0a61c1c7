#include "RuleMiner.h"

#include "RecipeValue.h"
#include "util/DateTimeFormats.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <cmath>

namespace {

enum class Kind { Empty, Number, Date, Text };

struct Column
{
    Kind kind = Kind::Empty;
    QString format;            // dates
    std::vector<double> value; // numbers and dates (seconds); NaN for NULL
    QStringList text;          // every value as text ("" for NULL)
    std::vector<bool> null;
    int distinct = 0;
    int decimals = 0;
    bool category = false; // few distinct values
};

std::vector<Column> describe(const QStringList &names, const QList<QVariantList> &rows)
{
    std::vector<Column> columns(size_t(names.size()));
    for (int c = 0; c < names.size(); ++c) {
        Column &column = columns[size_t(c)];
        bool numbers = true;
        QStringList texts;
        QSet<QString> distinct;
        for (const QVariantList &row : rows) {
            const QVariant &v = row[c];
            column.null.push_back(v.isNull());
            column.text << (v.isNull() ? QString() : v.toString());
            if (v.isNull())
                continue;
            distinct.insert(column.text.last());
            const int type = v.typeId();
            if (type == QMetaType::QByteArray)
                numbers = false;
            else if (type != QMetaType::LongLong && type != QMetaType::Int &&
                     type != QMetaType::Double)
                numbers = false, texts << column.text.last();
        }
        column.distinct = int(distinct.size());
        if (distinct.isEmpty())
            continue;
        const qsizetype present =
            rows.size() - std::count(column.null.begin(), column.null.end(), true);
        column.category = column.distinct <= 50 && column.distinct * 2 <= present;
        if (numbers) {
            column.kind = Kind::Number;
            for (const QVariantList &row : rows) {
                const double v = row[c].isNull() ? std::nan("") : row[c].toDouble();
                column.value.push_back(v);
                if (!std::isnan(v))
                    column.decimals =
                        std::max(column.decimals, std::min(6, RecipeValue::decimalPlaces(v)));
            }
            continue;
        }
        column.kind = Kind::Text;
        if (texts.size() < present)
            continue; // blobs
        const QString format = DateTimeFormats::detect(texts);
        if (format.isEmpty())
            continue;
        std::vector<double> seconds;
        bool all = true;
        for (qsizetype r = 0; r < rows.size() && all; ++r) {
            double s = std::nan("");
            if (!column.null[size_t(r)] && !DateTimeFormats::parse(column.text[r], format, &s))
                all = false;
            seconds.push_back(s);
        }
        if (all) {
            column.kind = Kind::Date;
            column.format = format;
            column.value = std::move(seconds);
        }
    }
    return columns;
}

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

void mineOrders(const QStringList &names, const std::vector<Column> &columns, QJsonArray &rules)
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
void mineDiffers(const QStringList &names, const std::vector<Column> &columns, QJsonArray &rules)
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

// a -> b: every value of a comes with one value of b (NULL counts as a value of b).
void mineDependencies(const QStringList &names, const QList<QVariantList> &rows,
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
void minePairDependencies(const QStringList &names, const QList<QVariantList> &rows,
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

void mineNulls(const QStringList &names, const QList<QVariantList> &rows,
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
void minePrefixes(const QStringList &names, const QList<QVariantList> &rows,
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

void mineFormulas(const QStringList &names, const std::vector<Column> &columns, QJsonArray &rules)
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
void minePer(const QStringList &names, const std::vector<Column> &columns, QJsonArray &rules)
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

void mineDates(const QStringList &names, const std::vector<Column> &columns, QJsonArray &rules)
{
    for (int c = 0; c < int(columns.size()); ++c) {
        const Column &column = columns[size_t(c)];
        if (column.kind != Kind::Date)
            continue;
        rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("parses")},
                             {QStringLiteral("column"), names[c]},
                             {QStringLiteral("format"), column.format}};
        qint64 count = 0;
        bool year = true, month = true, day = true, hour = true, minute = true, weekdays = true;
        for (const double seconds : column.value) {
            if (std::isnan(seconds))
                continue;
            ++count;
            const QDateTime moment =
                QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC);
            const QDate date = moment.date();
            const QTime time = moment.time();
            minute = minute && time.second() == 0 && time.msec() == 0;
            hour = hour && minute && time.minute() == 0;
            day = day && hour && time.hour() == 0;
            month = month && day && date.day() == 1;
            year = year && month && date.month() == 1;
            weekdays = weekdays && date.dayOfWeek() <= 5;
        }
        if (count < RuleMiner::MinRows)
            continue;
        const QString &format = column.format;
        const bool hasTime = format.contains(u'H') || format.contains(u'h');
        const bool hasSeconds = format.contains(QLatin1String("ss"));
        QString unit;
        if (year)
            unit = QStringLiteral("year");
        else if (month)
            unit = QStringLiteral("month");
        else if (day && hasTime)
            unit = QStringLiteral("day");
        else if (hour && hasTime)
            unit = QStringLiteral("hour");
        else if (minute && hasSeconds)
            unit = QStringLiteral("minute");
        if (!unit.isEmpty())
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("granularity")},
                                 {QStringLiteral("column"), names[c]},
                                 {QStringLiteral("format"), format},
                                 {QStringLiteral("unit"), unit}};
        // Five weekdays in n dates by accident: (5/7)^n.
        if (weekdays && !year && !month && std::pow(5.0 / 7.0, double(count)) < RuleMiner::Chance)
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("weekdays")},
                                 {QStringLiteral("column"), names[c]},
                                 {QStringLiteral("format"), format}};
    }
}

} // namespace

QJsonArray RuleMiner::mine(const QStringList &names, const QList<QVariantList> &rows)
{
    QJsonArray rules;
    if (rows.size() < MinOrderRows)
        return rules;
    const std::vector<Column> columns = describe(names, rows);
    mineDates(names, columns, rules);
    mineOrders(names, columns, rules);
    mineDiffers(names, columns, rules);
    mineDependencies(names, rows, columns, rules);
    minePairDependencies(names, rows, columns, rules);
    mineNulls(names, rows, columns, rules);
    minePrefixes(names, rows, columns, rules);
    mineFormulas(names, columns, rules);
    minePer(names, columns, rules);
    return rules;
}

QJsonArray RuleMiner::orders(const QStringList &names, const QList<QVariantList> &rows,
                             int repeatedFrom)
{
    QJsonArray rules;
    if (rows.size() < MinOrderRows)
        return rules;
    std::vector<Column> columns = describe(names, rows);
    for (int c = std::max(0, repeatedFrom); repeatedFrom >= 0 && c < int(columns.size()); ++c)
        columns[size_t(c)].category = false;
    mineOrders(names, columns, rules);
    return rules;
}
