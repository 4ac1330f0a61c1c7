#include "TreeLearner.h"

#include "ConditionalTableLearner.h"
#include "CopulaLearner.h"
#include "DateParts.h"
#include "NumberSummary.h"
#include "QuantileSampler.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"
#include "TimeOfDaySummary.h"
#include "TreeColumn.h"
#include "TreeFitter.h"
#include "util/DateTimeFormats.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <cmath>
#include <functional>
#include <numeric>
#include <queue>

namespace {

struct Node
{
    std::vector<int> rows;
    TreeFitter::Split best;
    QJsonObject json;
    int parent = -1;
    bool isThen = false;
    std::vector<int> children;
};

QJsonArray numbersArray(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.size() == 1)
        values.push_back(values.front());
    QJsonArray array;
    const int count = int(std::min<size_t>(values.size(), TreeLearner::LeafQuantiles));
    for (const double q : QuantileSampler::quantilesOf(values, count))
        array << q;
    return array;
}

QJsonObject leafOf(const TreeColumn &t, const QString &generator, const std::vector<int> &rows,
                   bool notNull)
{
    QJsonObject leaf{{QStringLiteral("rows"), int(rows.size())}};
    qint64 nulls = 0;
    std::vector<double> values;
    QHash<int, qint64> counts;
    for (const int r : rows) {
        if (t.target == TreeColumn::Kind::Numeric) {
            const double y = t.number[size_t(r)];
            if (std::isnan(y))
                ++nulls;
            else if (!(generator == QLatin1String("after") && y < 0))
                values.push_back(y);
        } else if (t.targetCode[size_t(r)] < 0) {
            ++nulls;
        } else {
            ++counts[t.targetCode[size_t(r)]];
        }
    }
    if (!notNull)
        leaf.insert(QStringLiteral("null_rate"), double(nulls) / double(rows.size()));
    if (t.target == TreeColumn::Kind::Numeric && !values.empty()) {
        // A leaf of enough moments has its own times of day (a night flight's airport); a
        // smaller one keeps its column's.
        if (generator == QLatin1String("datetime") && t.hasTime &&
            values.size() >= size_t(TreeLearner::MinTimesOfDayRows))
            TimeOfDaySummary::describe(values, leaf);
        if (generator == QLatin1String("number"))
            NumberSummary::describe(std::move(values), TreeLearner::LeafQuantiles, true, leaf);
        else
            leaf.insert(generator == QLatin1String("after") ? QStringLiteral("gaps")
                                                            : QStringLiteral("quantiles"),
                        numbersArray(values));
    } else if (t.target == TreeColumn::Kind::Categorical && !counts.isEmpty()) {
        QHash<QString, qint64> byText;
        QHash<QString, QJsonValue> original;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            const QJsonValue value = t.categories[it.key()];
            const QString text = RecipeValue::keyText(value);
            byText.insert(text, it.value());
            original.insert(text, value);
        }
        leaf.insert(QStringLiteral("values"), TextRecipeLearner::weighted(byText, original, 1000));
    }
    return leaf;
}

QJsonObject conditionOf(const TreeFitter &fitter, const TreeFitter::Split &split,
                        const QStringList &names)
{
    const TreeColumn &x = fitter.predictor(split.predictor);
    QJsonObject condition{{QStringLiteral("column"), names[fitter.column(split.predictor)]}};
    if (!x.part.isEmpty())
        condition.insert(QStringLiteral("part"), x.part);
    if (split.numeric) {
        if (x.dates)
            condition.insert(QStringLiteral("at_most"),
                             QDateTime::fromMSecsSinceEpoch(qint64(split.atMost * 1000), Qt::UTC)
                                 .toString(Qt::ISODateWithMs));
        else
            condition.insert(QStringLiteral("at_most"), split.atMost);
        return condition;
    }
    QJsonArray in;
    for (const int code : split.thenCodes)
        in << (code < 0 ? QJsonValue(QJsonValue::Null) : x.categories[code]);
    condition.insert(QStringLiteral("in"), in);
    return condition;
}

// Adds to a leaf what more its rows say: the copula of a number, the table of a category
// given another.
using LeafExtra = std::function<void(const std::vector<int> &rows, QJsonObject &leaf)>;

QJsonObject grow(const TreeFitter &fitter, const TreeColumn &t, const QString &generator,
                 const QStringList &names, int rowCount, bool notNull, const LeafExtra &extra)
{
    std::vector<char> member(size_t(rowCount), 0);
    std::vector<Node> nodes(1);
    for (int r = 0; r < rowCount; ++r)
        nodes[0].rows.push_back(r);
    nodes[0].best = fitter.bestSplit(nodes[0].rows, member);
    const double rootImpurity = fitter.impurity(nodes[0].rows);
    // Splits are kept by their significance (bestSplit); this only stops on round-off.
    const double minimumGain = 1e-9 * std::max(1.0, rootImpurity);
    auto worse = [&nodes](int a, int b) {
        return nodes[size_t(a)].best.gain < nodes[size_t(b)].best.gain;
    };
    std::priority_queue<int, std::vector<int>, decltype(worse)> open(worse);
    open.push(0);
    int leaves = 1;
    while (!open.empty() && leaves < TreeLearner::MaxLeaves) {
        const int index = open.top();
        open.pop();
        const TreeFitter::Split split = nodes[size_t(index)].best;
        if (split.predictor < 0 || split.gain < minimumGain)
            continue;
        const TreeColumn &x = fitter.predictor(split.predictor);
        Node then, otherwise;
        for (const int r : nodes[size_t(index)].rows) {
            bool goesThen = false;
            if (split.numeric)
                goesThen =
                    !std::isnan(x.orderValue[size_t(r)]) && x.orderValue[size_t(r)] <= split.atMost;
            else
                goesThen = std::find(split.thenCodes.begin(), split.thenCodes.end(),
                                     x.code[size_t(r)]) != split.thenCodes.end();
            (goesThen ? then : otherwise).rows.push_back(r);
        }
        then.parent = otherwise.parent = index;
        then.isThen = true;
        then.best = fitter.bestSplit(then.rows, member);
        otherwise.best = fitter.bestSplit(otherwise.rows, member);
        nodes[size_t(index)].rows.clear();
        nodes[size_t(index)].rows.shrink_to_fit();
        nodes.push_back(std::move(then));
        nodes.push_back(std::move(otherwise));
        const int thenIndex = int(nodes.size()) - 2;
        nodes[size_t(index)].children = {thenIndex, thenIndex + 1};
        open.push(thenIndex);
        open.push(thenIndex + 1);
        ++leaves;
    }
    // Written bottom-up: children were appended after their parents.
    std::vector<QJsonObject> json(nodes.size());
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        const Node &node = nodes[size_t(i)];
        if (node.children.empty()) {
            json[size_t(i)] = leafOf(t, generator, node.rows, notNull);
            if (extra)
                extra(node.rows, json[size_t(i)]);
            continue;
        }
        QJsonObject split = conditionOf(fitter, node.best, names);
        split.insert(QStringLiteral("then"), json[size_t(node.children[0])]);
        split.insert(QStringLiteral("else"), json[size_t(node.children[1])]);
        json[size_t(i)] = split;
    }
    return json[0];
}

// Dates first (a series first of all), then categories (fewest values first), then numbers,
// then the rest, each after the columns its generator already depends on.
std::vector<int> visitOrder(const QStringList &names, const QJsonObject &columns,
                            const std::vector<TreeColumn> &encoded,
                            const QHash<QString, int> &index)
{
    auto rank = [&](int c) {
        const TreeColumn &e = encoded[size_t(c)];
        if (e.seasonal)
            return std::make_pair(e.numericPredictor ? 1 : 0, c);
        if (e.categoricalPredictor)
            return std::make_pair(2, e.classes);
        if (e.numericPredictor)
            return std::make_pair(3, c);
        return std::make_pair(4, c);
    };
    std::vector<int> byRank(size_t(names.size()));
    std::iota(byRank.begin(), byRank.end(), 0);
    std::stable_sort(byRank.begin(), byRank.end(), [&](int a, int b) { return rank(a) < rank(b); });
    std::vector<int> order;
    std::vector<int> state(size_t(names.size()), 0);
    std::function<void(int)> place = [&](int c) {
        if (state[size_t(c)])
            return;
        state[size_t(c)] = 1;
        const QJsonObject spec = columns.value(names[c]).toObject();
        for (const char *key : {"given", "column", "plus"}) {
            const int dependency = index.value(spec.value(QLatin1String(key)).toString(), -1);
            if (dependency >= 0)
                place(dependency);
        }
        order.push_back(c);
    };
    for (const int c : byRank)
        place(c);
    return order;
}

// The names of `columns` that another column's entry mentions (its tree, copula, base or
// given): those must be drawn before it. A value that happens to equal a name counts too,
// which only keeps a column where it was. Words are left out: no tree splits on them, so a
// category they are drawn given (a state's towns) may still be learned again, last.
QSet<QString> namedByOthers(const QJsonObject &columns, const QStringList &names)
{
    const QSet<QString> all(names.begin(), names.end());
    QSet<QString> named;
    std::function<void(const QJsonValue &, const QString &)> walk = [&](const QJsonValue &value,
                                                                        const QString &owner) {
        if (value.isString() && value.toString() != owner && all.contains(value.toString()))
            named.insert(value.toString());
        else if (value.isObject())
            for (const QJsonValue &inner : value.toObject())
                walk(inner, owner);
        else if (value.isArray())
            for (const QJsonValue &inner : value.toArray())
                walk(inner, owner);
    };
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        if (TreeColumn::generatorOf(it.value().toObject()) != QLatin1String("words"))
            walk(it.value(), it.key());
    }
    return named;
}

} // namespace

void TreeLearner::fit(const TableInfo &table, const QStringList &names,
                      const QList<QVariantList> &rows, QJsonObject &columns)
{
    if (rows.size() < CopulaLearner::MinRows)
        return;
    // Trees need more rows than copulas: a split of a few rows would fit their accidents.
    const bool trees = rows.size() >= 4 * MinLeafRows;
    QHash<QString, int> index;
    for (int c = 0; c < names.size(); ++c)
        index.insert(names[c], c);
    std::vector<TreeColumn> encoded;
    for (int c = 0; c < names.size(); ++c) {
        const bool notNull = table.column(names[c]) && table.column(names[c])->notNull;
        encoded.push_back(
            TreeColumn::encode(columns.value(names[c]).toObject(), rows, c, index, notNull));
    }
    // Each column's rows sorted by value once; a node scans them in this order.
    std::vector<std::vector<int>> sortedRows(size_t(names.size()));
    for (int c = 0; c < names.size(); ++c) {
        if (!encoded[size_t(c)].numericPredictor)
            continue;
        std::vector<int> &order = sortedRows[size_t(c)];
        const std::vector<double> &x = encoded[size_t(c)].orderValue;
        for (int r = 0; r < int(rows.size()); ++r) {
            if (!std::isnan(x[size_t(r)]))
                order.push_back(r);
        }
        std::stable_sort(order.begin(), order.end(),
                         [&x](int a, int b) { return x[size_t(a)] < x[size_t(b)]; });
    }
    // The seasons of each date column, with their rows sorted by value.
    std::vector<std::vector<TreeColumn>> seasons(size_t(names.size()));
    std::vector<std::vector<std::vector<int>>> seasonSorted(size_t(names.size()));
    for (int c = 0; c < names.size(); ++c) {
        if (!encoded[size_t(c)].seasonal)
            continue;
        seasons[size_t(c)] = TreeColumn::seasonsOf(encoded[size_t(c)]);
        for (const TreeColumn &part : seasons[size_t(c)]) {
            std::vector<int> order;
            for (int r = 0; r < int(rows.size()); ++r) {
                if (!std::isnan(part.orderValue[size_t(r)]))
                    order.push_back(r);
            }
            std::stable_sort(order.begin(), order.end(), [&part](int a, int b) {
                return part.orderValue[size_t(a)] < part.orderValue[size_t(b)];
            });
            seasonSorted[size_t(c)].push_back(std::move(order));
        }
    }
    const int minLeaf = std::max(MinLeafRows, int(rows.size() / 400));
    const std::vector<int> order = visitOrder(names, columns, encoded, index);
    // Numbers and dates a copula can follow: their generators write every value as a number,
    // and they are not a series (whose values are all past the real ones).
    std::vector<int> allRows(size_t(rows.size()));
    std::iota(allRows.begin(), allRows.end(), 0);
    std::vector<std::vector<double>> scores(size_t(names.size()));
    auto linkable = [&](int c) {
        const QString generator = TreeColumn::generatorOf(columns.value(names[c]).toObject());
        return encoded[size_t(c)].numericPredictor &&
               (generator == QLatin1String("number") || generator == QLatin1String("datetime") ||
                generator == QLatin1String("after"));
    };
    // Gives column c a tree over `earlier` (and the copula of each leaf over `candidates`);
    // false when no earlier column can be split on.
    auto model = [&](int c, const std::vector<int> &earlier,
                     const std::vector<CopulaLearner::Column> &candidates) {
        const TreeColumn &target = encoded[size_t(c)];
        std::vector<const TreeColumn *> predictors;
        std::vector<int> predictorColumns;
        std::vector<const std::vector<int> *> predictorSorted;
        for (const int p : earlier) {
            const TreeColumn &x = encoded[size_t(p)];
            for (size_t s = 0; s < seasons[size_t(p)].size(); ++s) {
                predictors.push_back(&seasons[size_t(p)][s]);
                predictorColumns.push_back(p);
                predictorSorted.push_back(&seasonSorted[size_t(p)][s]);
            }
            if (!x.numericPredictor && !x.categoricalPredictor)
                continue;
            predictors.push_back(&x);
            predictorColumns.push_back(p);
            predictorSorted.push_back(&sortedRows[size_t(p)]);
        }
        if (predictors.empty())
            return false;
        // A category, or a number, may also follow one many-valued category by a table.
        const bool numbers =
            target.target == TreeColumn::Kind::Numeric &&
            TreeColumn::generatorOf(columns.value(names[c]).toObject()) == QLatin1String("number");
        std::vector<ConditionalTableLearner::Parent> parents;
        if (target.target == TreeColumn::Kind::Categorical || numbers) {
            // A number follows a category of numbers (years married) by the tree's thresholds.
            for (const int p : earlier) {
                const TreeColumn &x = encoded[size_t(p)];
                if (x.categoricalPredictor && !(numbers && x.numericPredictor))
                    parents.push_back({p, &x});
            }
        }
        LeafExtra extra;
        if (!candidates.empty() || !parents.empty())
            extra = [&](const std::vector<int> &leafRows, QJsonObject &leaf) {
                if (!candidates.empty()) {
                    const QJsonObject copula =
                        CopulaLearner::fit(target.number, leafRows, candidates, names);
                    if (!copula.isEmpty())
                        leaf.insert(QStringLiteral("copula"), copula);
                }
                if (parents.empty())
                    return;
                const QJsonObject table =
                    numbers ? ConditionalTableLearner::fitNumbers(target.number, leafRows, parents,
                                                                  names, LeafQuantiles)
                            : ConditionalTableLearner::fit({target.targetCode, target.categories},
                                                           leafRows, parents, names);
                for (auto it = table.constBegin(); it != table.constEnd(); ++it)
                    leaf.insert(it.key(), it.value());
            };
        QJsonObject spec = columns.value(names[c]).toObject();
        if (!parents.empty()) {
            // Learned again (last, given every column): its earlier table goes with its tree.
            for (const char *key : {"given", "by", "smoothing"})
                spec.remove(QLatin1String(key));
        }
        QJsonObject tree;
        if (trees) {
            const bool notNull = table.column(names[c]) && table.column(names[c])->notNull;
            const TreeFitter fitter(target, predictors, predictorColumns, predictorSorted, minLeaf);
            tree = grow(fitter, target, TreeColumn::generatorOf(spec), names, int(rows.size()),
                        notNull, extra);
        }
        if (!tree.contains(QLatin1String("column"))) {
            // Nothing to split on: the column follows the others by its copula or its table
            // alone, if at all.
            QJsonObject whole;
            if (extra)
                extra(allRows, whole);
            if (whole.isEmpty())
                return true;
            for (auto it = whole.constBegin(); it != whole.constEnd(); ++it)
                spec.insert(it.key(), it.value());
        } else {
            spec.insert(QStringLiteral("tree"), tree);
        }
        columns.insert(names[c], spec);
        return true;
    };
    // A choice drawn exactly given another (a city given its country) may, within a given
    // value, depend on a second column too.
    auto refineGiven = [&](int c, const std::vector<int> &earlier) {
        QJsonObject spec = columns.value(names[c]).toObject();
        const int given = index.value(spec.value(QLatin1String("given")).toString(), -1);
        if (TreeColumn::generatorOf(spec) != QLatin1String("choice") || given < 0 ||
            !encoded[size_t(given)].categoricalPredictor)
            return;
        std::vector<ConditionalTableLearner::Parent> parents;
        for (const int p : earlier) {
            if (p != given && encoded[size_t(p)].categoricalPredictor)
                parents.push_back({p, &encoded[size_t(p)]});
        }
        const TreeColumn &target = encoded[size_t(c)];
        const QJsonObject by = ConditionalTableLearner::refine({target.code, target.categories},
                                                               {given, &encoded[size_t(given)]},
                                                               allRows, parents, names);
        if (by.isEmpty())
            return;
        spec.insert(QStringLiteral("by"), by);
        columns.insert(names[c], spec);
    };
    std::vector<CopulaLearner::Column> linked; // the linkable columns visited so far
    std::vector<int> visited;
    int modelled = 0;
    for (size_t position = 0; position < order.size() && modelled < MaxModelledColumns;
         ++position) {
        const int c = order[position];
        const TreeColumn &target = encoded[size_t(c)];
        const QString generator = TreeColumn::generatorOf(columns.value(names[c]).toObject());
        std::vector<CopulaLearner::Column> candidates;
        if (generator == QLatin1String("number") || generator == QLatin1String("datetime")) {
            scores[size_t(c)] = target.scores;
            candidates = CopulaLearner::strongest(scores[size_t(c)], linked);
        }
        if (linkable(c) && int(linked.size()) < MaxLinkedColumns) {
            if (scores[size_t(c)].empty())
                scores[size_t(c)] = CopulaLearner::normalScores(target.orderValue, allRows);
            linked.push_back({c, &target.orderValue, target.dates, &scores[size_t(c)]});
        }
        if (target.target != TreeColumn::Kind::None && model(c, visited, candidates))
            ++modelled;
        refineGiven(c, visited);
        visited.push_back(c);
    }
    // Categories come before numbers so that numbers can follow them (a plan its spending).
    // A category no other column follows is learned again, last, given every column: a
    // trading signal is told by the prices, which the dates before it could not tell.
    // Nothing is drawn given it, so the rest of the model stands as it was.
    const QSet<QString> followed = namedByOthers(columns, names);
    std::vector<int> kept, moved;
    for (size_t position = 0; position < visited.size(); ++position) {
        const int c = visited[position];
        const bool last = position + 1 == visited.size();
        if (encoded[size_t(c)].target == TreeColumn::Kind::Categorical && !last &&
            !followed.contains(names[c]))
            moved.push_back(c);
        else
            kept.push_back(c);
    }
    for (const int c : moved) {
        model(c, kept, {});
        kept.push_back(c);
    }
}
