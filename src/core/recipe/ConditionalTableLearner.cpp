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

// The held-out gain of the best smoothing for one parent: every row's value predicted from
// the other rows, by the table against the shares of `rows`.
Fit bestSmoothing(const Target &target, const std::vector<int> &rows, const TreeColumn &parent,
                  const QHash<int, double> &counts, double present)
{
    QHash<int, double> parentCounts;
    QHash<QPair<int, int>, double> cells;
    for (const int r : rows) {
        const int value = target.codes[size_t(r)];
        const int given = parent.code[size_t(r)];
        if (value < 0 || given < 0)
            continue;
        parentCounts[given] += 1;
        cells[qMakePair(given, value)] += 1;
    }
    if (parentCounts.size() < 2 || parentCounts.size() > ConditionalTableLearner::MaxParentValues)
        return {};
    // The shares without the row itself, a little smoothed so that a value seen once is not
    // impossible (the same in both models, so it cancels but for that row).
    const double values = double(counts.size());
    auto share = [&](int value) {
        return (counts.value(value) - 1 + 0.5) / (present - 1 + 0.5 * values);
    };
    Fit best;
    for (const double a : Smoothings) {
        double gain = 0;
        for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
            const double prior = share(it.key().second);
            const double n = it.value(), given = parentCounts.value(it.key().first);
            gain += n * (std::log((n - 1 + a * prior) / (given - 1 + a)) - std::log(prior));
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
    QHash<int, double> counts;
    double present = 0;
    for (const int r : rows) {
        if (target.codes[size_t(r)] >= 0) {
            counts[target.codes[size_t(r)]] += 1;
            ++present;
        }
    }
    if (counts.size() < 2)
        return {};
    Choice best;
    for (const Parent &parent : parents) {
        const Fit fit = bestSmoothing(target, rows, *parent.column, counts, present);
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
