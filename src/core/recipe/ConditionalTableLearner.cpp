#include "ConditionalTableLearner.h"

#include "NumberSummary.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <functional>

namespace {

using Parent = ConditionalTableLearner::Parent;
using Target = ConditionalTableLearner::Target;

constexpr double Smoothings[] = {0.5, 1, 2, 4, 8, 16, 32, 64, 128};

QJsonArray weightedValues(const Target &target, const std::vector<int> &rows)
{
    QHash<QString, qint64> counts;
    QHash<QString, QJsonValue> original;
    for (const int r : rows) {
        const int code = target.codes[size_t(r)];
        if (code < 0)
            continue;
        const QString text = RecipeValue::keyText(target.categories[code]);
        original.insert(text, target.categories[code]);
        ++counts[text];
    }
    return TextRecipeLearner::weighted(counts, original, 1000);
}

struct Fit
{
    double gain = 0;
    double smoothing = 0;
};

// The target's values at `rows` (codes 0..size-1): how many rows hold each, and the log of each
// value's share without the row itself, a little smoothed so that a value seen once is not
// impossible (the same in both models, so it cancels but for that row).
struct Shares
{
    std::vector<double> count, share, logShare;
    double present = 0;
    int kinds = 0;
};

Shares sharesOf(const Target &target, const std::vector<int> &rows)
{
    Shares s;
    for (const int r : rows) {
        const int value = target.codes[size_t(r)];
        if (value < 0)
            continue;
        if (size_t(value) >= s.count.size())
            s.count.resize(size_t(value) + 1, 0);
        s.kinds += s.count[size_t(value)] == 0 ? 1 : 0;
        s.count[size_t(value)] += 1;
        ++s.present;
    }
    for (const double n : s.count) {
        const double share = (n - 1 + 0.5) / (s.present - 1 + 0.5 * double(s.kinds));
        s.share.push_back(share);
        s.logShare.push_back(std::log(share));
    }
    return s;
}

// The held-out gain of the best smoothing for one parent: every row's value predicted from
// the other rows, by the table against the shares of `rows`. Per smoothing a, the gain is
// sum over cells of n (log(n - 1 + a p) - log p) less sum over the parent's values of
// g log(g - 1 + a): a log per cell and per parent value, not per cell twice.
Fit bestSmoothing(const Target &target, const std::vector<int> &rows, const TreeColumn &parent,
                  const Shares &shares)
{
    const qint64 width = qint64(shares.count.size());
    std::vector<qint64> pairs; // given * width + value
    pairs.reserve(rows.size());
    std::vector<double> parentCounts(size_t(parent.categories.size()), 0);
    int parentValues = 0;
    for (const int r : rows) {
        const int value = target.codes[size_t(r)];
        const int given = parent.code[size_t(r)];
        if (value < 0 || given < 0)
            continue;
        parentValues += parentCounts[size_t(given)] == 0 ? 1 : 0;
        parentCounts[size_t(given)] += 1;
        pairs.push_back(qint64(given) * width + value);
    }
    if (parentValues < 2 || parentValues > ConditionalTableLearner::MaxParentValues)
        return {};
    struct Cell
    {
        double n, prior, logPrior;
    };
    std::vector<Cell> cells;
    auto addCell = [&](qint64 pair, double n) {
        const size_t value = size_t(pair % width);
        cells.push_back({n, shares.share[value], shares.logShare[value]});
    };
    // Counted in place where every cell fits a small table (a tree asks this for each column
    // and leaf), sorted into runs otherwise.
    constexpr size_t MaxDenseCells = size_t(1) << 16;
    const size_t allCells = parentCounts.size() * size_t(width);
    if (allCells <= MaxDenseCells) {
        thread_local std::vector<double> dense;
        if (dense.size() < allCells)
            dense.resize(allCells, 0);
        std::vector<qint64> touched;
        for (const qint64 pair : pairs) {
            if (dense[size_t(pair)]++ == 0)
                touched.push_back(pair);
        }
        for (const qint64 pair : touched) {
            addCell(pair, dense[size_t(pair)]);
            dense[size_t(pair)] = 0;
        }
    } else {
        std::sort(pairs.begin(), pairs.end());
        for (size_t k = 0; k < pairs.size();) {
            size_t end = k;
            while (end < pairs.size() && pairs[end] == pairs[k])
                ++end;
            addCell(pairs[k], double(end - k));
            k = end;
        }
    }
    Fit best;
    for (const double a : Smoothings) {
        double gain = 0;
        for (const Cell &cell : cells)
            gain += cell.n * (std::log(cell.n - 1 + a * cell.prior) - cell.logPrior);
        for (const double given : parentCounts) {
            if (given > 0)
                gain -= given * std::log(given - 1 + a);
        }
        if (gain > best.gain)
            best = {gain, a};
    }
    return best;
}

struct Choice
{
    const Parent *parent = nullptr;
    Fit fit;
};

// The parent whose table predicts held-out rows best, when it beats the shares by MinGain.
Choice chooseParent(const Target &target, const std::vector<int> &rows,
                    const std::vector<Parent> &parents)
{
    const Shares shares = sharesOf(target, rows);
    if (shares.kinds < 2)
        return {};
    Choice best;
    for (const Parent &parent : parents) {
        const Fit fit = bestSmoothing(target, rows, *parent.column, shares);
        if (fit.gain > best.fit.gain)
            best = {&parent, fit};
    }
    return best.fit.gain < ConditionalTableLearner::MinGain ? Choice() : best;
}

QJsonObject byTable(const Target &target, const Parent &given, const std::vector<int> &rows,
                    const std::vector<Parent> &parents, const QStringList &names, int depth);

QJsonObject fitAt(const Target &target, const std::vector<int> &rows,
                  const std::vector<Parent> &parents, const QStringList &names, int depth)
{
    const Choice chosen = chooseParent(target, rows, parents);
    if (!chosen.parent)
        return {};
    return QJsonObject{
        {QStringLiteral("given"), names[chosen.parent->index]},
        {QStringLiteral("by"), byTable(target, *chosen.parent, rows, parents, names, depth)},
        {QStringLiteral("smoothing"), chosen.fit.smoothing}};
}

QJsonObject byTable(const Target &target, const Parent &given, const std::vector<int> &rows,
                    const std::vector<Parent> &parents, const QStringList &names, int depth)
{
    QHash<int, std::vector<int>> rowsOf;
    for (const int r : rows) {
        if (target.codes[size_t(r)] >= 0 && given.column->code[size_t(r)] >= 0)
            rowsOf[given.column->code[size_t(r)]].push_back(r);
    }
    std::vector<Parent> others;
    for (const Parent &parent : parents) {
        if (parent.index != given.index)
            others.push_back(parent);
    }
    QJsonObject by;
    for (auto it = rowsOf.constBegin(); it != rowsOf.constEnd(); ++it) {
        const QJsonArray values = weightedValues(target, it.value());
        QJsonObject nested;
        if (depth + 1 < ConditionalTableLearner::MaxParents &&
            int(it.value().size()) >= ConditionalTableLearner::MinNestedRows)
            nested = fitAt(target, it.value(), others, names, depth + 1);
        const QString key = RecipeValue::keyText(given.column->categories[it.key()]);
        if (nested.isEmpty()) {
            by.insert(key, values);
        } else {
            nested.insert(QStringLiteral("values"), values);
            by.insert(key, nested);
        }
    }
    return by;
}

} // namespace

QJsonObject ConditionalTableLearner::fit(const Target &target, const std::vector<int> &rows,
                                         const std::vector<Parent> &parents,
                                         const QStringList &names)
{
    return fitAt(target, rows, parents, names, 0);
}

QJsonObject ConditionalTableLearner::fitNumbers(const std::vector<double> &values,
                                                const std::vector<int> &rows,
                                                const std::vector<Parent> &parents,
                                                const QStringList &names, int quantiles)
{
    constexpr int Tenths = 10;
    std::vector<double> sorted;
    for (const int r : rows) {
        if (!std::isnan(values[size_t(r)]))
            sorted.push_back(values[size_t(r)]);
    }
    if (sorted.size() < 2 * Tenths)
        return {};
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> cuts;
    for (int i = 1; i < Tenths; ++i)
        cuts.push_back(sorted[sorted.size() * size_t(i) / Tenths]);
    std::vector<int> tenth(values.size(), -1);
    for (const int r : rows) {
        if (!std::isnan(values[size_t(r)]))
            tenth[size_t(r)] =
                int(std::upper_bound(cuts.begin(), cuts.end(), values[size_t(r)]) - cuts.begin());
    }
    const QList<QJsonValue> noNames;
    const Choice chosen = chooseParent({tenth, noNames}, rows, parents);
    if (!chosen.parent || chosen.fit.gain < MinEntryGain)
        return {};
    QHash<int, std::vector<double>> valuesOf;
    for (const int r : rows) {
        const int given = chosen.parent->column->code[size_t(r)];
        if (given >= 0 && !std::isnan(values[size_t(r)]))
            valuesOf[given].push_back(values[size_t(r)]);
    }
    QJsonObject by;
    for (auto it = valuesOf.constBegin(); it != valuesOf.constEnd(); ++it) {
        QJsonObject entry{{QStringLiteral("rows"), int(it.value().size())}};
        NumberSummary::describe(it.value(), quantiles, true, entry);
        by.insert(RecipeValue::keyText(chosen.parent->column->categories[it.key()]), entry);
    }
    return QJsonObject{{QStringLiteral("given"), names[chosen.parent->index]},
                       {QStringLiteral("by"), by},
                       {QStringLiteral("smoothing"), chosen.fit.smoothing}};
}

namespace {

// Each row's head of text (its first word, or first characters) as a code, -1 for NULL and
// for heads seen once: neither model makes those again, so they cannot tell which predicts
// better, and a table would only be charged for them.
std::vector<int> headCodes(const QStringList &texts, const std::vector<int> &rows,
                           const std::function<QString(const QString &)> &headOf)
{
    QHash<QString, int> codeOf;
    QHash<int, int> seen;
    std::vector<int> head(size_t(texts.size()), -1);
    for (const int r : rows) {
        const QString text = headOf(texts[r]);
        if (text.isEmpty())
            continue;
        auto code = codeOf.constFind(text);
        if (code == codeOf.constEnd())
            code = codeOf.insert(text, int(codeOf.size()));
        head[size_t(r)] = code.value();
        ++seen[code.value()];
    }
    for (const int r : rows) {
        if (head[size_t(r)] >= 0 && seen[head[size_t(r)]] < 2)
            head[size_t(r)] = -1;
    }
    return head;
}

// The parent chosen on `heads`, with each of its values' own entry made from its texts by
// `entryOf` (nothing where that gives nothing), or an empty object.
QJsonObject textGiven(const QStringList &texts, const std::vector<int> &heads,
                      const std::vector<int> &rows,
                      const std::vector<ConditionalTableLearner::Parent> &parents,
                      const QStringList &names,
                      const std::function<QJsonObject(const QStringList &)> &entryOf)
{
    const QList<QJsonValue> noNames;
    const Choice chosen = chooseParent({heads, noNames}, rows, parents);
    if (!chosen.parent || chosen.fit.gain < ConditionalTableLearner::MinEntryGain)
        return {};
    QHash<int, QStringList> valuesOf;
    for (const int r : rows) {
        const int given = chosen.parent->column->code[size_t(r)];
        if (given >= 0 && !texts[r].trimmed().isEmpty())
            valuesOf[given] << texts[r];
    }
    QJsonObject by;
    for (auto it = valuesOf.constBegin(); it != valuesOf.constEnd(); ++it) {
        QJsonObject entry = entryOf(it.value());
        if (entry.isEmpty())
            continue;
        entry.remove(QStringLiteral("generator"));
        entry.insert(QStringLiteral("rows"), int(it.value().size()));
        by.insert(RecipeValue::keyText(chosen.parent->column->categories[it.key()]), entry);
    }
    if (by.isEmpty())
        return {};
    return QJsonObject{{QStringLiteral("given"), names[chosen.parent->index]},
                       {QStringLiteral("by"), by},
                       {QStringLiteral("smoothing"), chosen.fit.smoothing}};
}

} // namespace

QJsonObject ConditionalTableLearner::fitWords(const QStringList &texts,
                                              const std::vector<int> &rows,
                                              const std::vector<Parent> &parents,
                                              const QStringList &names)
{
    const std::vector<int> first = headCodes(texts, rows, [](const QString &text) {
        return text.section(u' ', 0, 0, QString::SectionSkipEmpty);
    });
    return textGiven(texts, first, rows, parents, names,
                     [](const QStringList &values) { return TextRecipeLearner::words(values); });
}

QJsonObject ConditionalTableLearner::fitCodes(const QStringList &texts,
                                              const std::vector<int> &rows,
                                              const std::vector<Parent> &parents,
                                              const QStringList &names, bool unique)
{
    const std::vector<int> heads =
        headCodes(texts, rows, [](const QString &text) { return text.left(CodeHeadLength); });
    // A value's templates keep its heads as they are (North Dakota's ZIP codes begin 580 to
    // 588), each with the shapes of what follows it.
    return textGiven(texts, heads, rows, parents, names, [unique](const QStringList &values) {
        QHash<QString, QStringList> tailsOf;
        for (const QString &value : values)
            tailsOf[value.left(CodeHeadLength)] << value.mid(CodeHeadLength);
        QJsonArray templates;
        for (auto it = tailsOf.constBegin(); it != tailsOf.constEnd(); ++it) {
            QString head;
            for (const QChar c : it.key())
                head += u'\\' + QString(c);
            const QJsonObject tail = TextRecipeLearner::codeTemplate(it.value(), unique);
            if (tail.isEmpty() && !std::all_of(it.value().begin(), it.value().end(),
                                               [](const QString &t) { return t.isEmpty(); }))
                return QJsonObject(); // tails that are no code: the column's own templates
            const QJsonArray shapes = tail.isEmpty()
                                          ? QJsonArray{QJsonObject{{QStringLiteral("value"), ""},
                                                                   {QStringLiteral("weight"), 1}}}
                                          : tail.value(QLatin1String("templates")).toArray();
            double total = 0;
            for (const QJsonValue &shape : shapes)
                total += shape[QLatin1String("weight")].toDouble();
            for (const QJsonValue &shape : shapes)
                templates << QJsonObject{
                    {QStringLiteral("value"), head + shape[QLatin1String("value")].toString()},
                    {QStringLiteral("weight"), double(it.value().size()) *
                                                   shape[QLatin1String("weight")].toDouble() /
                                                   total}};
        }
        return QJsonObject{{QStringLiteral("templates"), templates}};
    });
}

QJsonObject ConditionalTableLearner::refine(const Target &target, const Parent &given,
                                            const std::vector<int> &rows,
                                            const std::vector<Parent> &parents,
                                            const QStringList &names)
{
    return byTable(target, given, rows, parents, names, 0);
}
