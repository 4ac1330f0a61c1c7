#include "ConditionalTableLearner.h"

#include "RecipeValue.h"
#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>
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

QJsonObject byTable(const Target &target, const Parent &given, const std::vector<int> &rows,
                    const std::vector<Parent> &parents, const QStringList &names, int depth);

QJsonObject fitAt(const Target &target, const std::vector<int> &rows,
                  const std::vector<Parent> &parents, const QStringList &names, int depth)
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
    const Parent *chosen = nullptr;
    Fit best;
    for (const Parent &parent : parents) {
        const Fit fit = bestSmoothing(target, rows, *parent.column, counts, present);
        if (fit.gain > best.gain) {
            best = fit;
            chosen = &parent;
        }
    }
    if (!chosen || best.gain < ConditionalTableLearner::MinGain)
        return {};
    return QJsonObject{
        {QStringLiteral("given"), names[chosen->index]},
        {QStringLiteral("by"), byTable(target, *chosen, rows, parents, names, depth)},
        {QStringLiteral("smoothing"), best.smoothing}};
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

QJsonObject ConditionalTableLearner::refine(const Target &target, const Parent &given,
                                            const std::vector<int> &rows,
                                            const std::vector<Parent> &parents,
                                            const QStringList &names)
{
    return byTable(target, given, rows, parents, names, 0);
}
