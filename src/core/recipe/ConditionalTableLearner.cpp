#include "ConditionalTableLearner.h"

#include "NumberSummary.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

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

QJsonObject ConditionalTableLearner::fitWords(const QStringList &texts,
                                              const std::vector<int> &rows,
                                              const std::vector<Parent> &parents,
                                              const QStringList &names)
{
    QHash<QString, int> codeOf;
    QHash<int, int> seen;
    std::vector<int> first(size_t(texts.size()), -1);
    for (const int r : rows) {
        const QString word = texts[r].section(u' ', 0, 0, QString::SectionSkipEmpty);
        if (word.isEmpty())
            continue;
        auto code = codeOf.constFind(word);
        if (code == codeOf.constEnd())
            code = codeOf.insert(word, int(codeOf.size()));
        first[size_t(r)] = code.value();
        ++seen[code.value()];
    }
    // A word seen once is made again by neither model (both draw observed words only), so it
    // cannot tell which predicts better: a table would only be charged for it.
    for (const int r : rows) {
        if (first[size_t(r)] >= 0 && seen[first[size_t(r)]] < 2)
            first[size_t(r)] = -1;
    }
    const QList<QJsonValue> noNames;
    const Choice chosen = chooseParent({first, noNames}, rows, parents);
    if (!chosen.parent || chosen.fit.gain < MinEntryGain)
        return {};
    QHash<int, QStringList> valuesOf;
    for (const int r : rows) {
        const int given = chosen.parent->column->code[size_t(r)];
        if (given >= 0 && !texts[r].trimmed().isEmpty())
            valuesOf[given] << texts[r];
    }
    QJsonObject by;
    for (auto it = valuesOf.constBegin(); it != valuesOf.constEnd(); ++it) {
        QJsonObject entry = TextRecipeLearner::words(it.value());
        entry.remove(QStringLiteral("generator"));
        entry.insert(QStringLiteral("rows"), int(it.value().size()));
        by.insert(RecipeValue::keyText(chosen.parent->column->categories[it.key()]), entry);
    }
    return QJsonObject{{QStringLiteral("given"), names[chosen.parent->index]},
                       {QStringLiteral("by"), by},
                       {QStringLiteral("smoothing"), chosen.fit.smoothing}};
}

QJsonObject ConditionalTableLearner::refine(const Target &target, const Parent &given,
                                            const std::vector<int> &rows,
                                            const std::vector<Parent> &parents,
                                            const QStringList &names)
{
    return byTable(target, given, rows, parents, names, 0);
}
