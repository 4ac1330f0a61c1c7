#include "DependencyLearner.h"

#include "GapSummary.h"
#include "RecipeLearner.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"
#include "util/CramersV.h"
#include "util/DateTimeFormats.h"
#include "util/Pearson.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace {

QString generatorOf(const QJsonObject &columns, const QString &name)
{
    return columns.value(name).toObject().value(QLatin1String("generator")).toString();
}

// Each row's value of one column as a small integer (-1 for NULL), made once per column so
// that the pairs of a wide table are measured without converting a value per pair.
struct Codes
{
    std::vector<int> of;
    int distinct = 0;
};

Codes codesOf(const QList<QVariantList> &rows, int column)
{
    Codes codes;
    codes.of.reserve(size_t(rows.size()));
    QHash<QString, int> index;
    for (const QVariantList &row : rows) {
        const QVariant &value = row[column];
        if (value.isNull()) {
            codes.of.push_back(-1);
            continue;
        }
        const QString text = value.toString();
        auto it = index.find(text);
        if (it == index.end())
            it = index.insert(text, codes.distinct++);
        codes.of.push_back(it.value());
    }
    return codes;
}

double cramersV(const Codes &a, const Codes &b)
{
    QHash<QPair<int, int>, qint64> cells;
    qint64 n = 0;
    for (size_t i = 0; i < a.of.size(); ++i) {
        if (a.of[i] < 0 || b.of[i] < 0)
            continue;
        ++cells[qMakePair(a.of[i], b.of[i])];
        ++n;
    }
    return n < DependencyLearner::MinPairs ? 0 : biasCorrectedCramersV(cells);
}

bool dependsOnTransitively(const QHash<int, int> &given, int from, int target)
{
    for (int current = from, steps = 0; steps < 1000; ++steps) {
        if (current == target)
            return true;
        const auto it = given.constFind(current);
        if (it == given.constEnd())
            return false;
        current = it.value();
    }
    return true;
}

void linkCategorical(const QStringList &names, const QList<QVariantList> &rows,
                     QJsonObject &columns)
{
    QList<int> bases, dependents;
    for (int c = 0; c < names.size(); ++c) {
        const QString generator = generatorOf(columns, names[c]);
        if (generator == QLatin1String("choice")) {
            bases << c;
            dependents << c;
        } else if (generator == QLatin1String("words") || generator == QLatin1String("template")) {
            QSet<QString> distinct;
            qsizetype present = 0;
            for (const QVariantList &row : rows) {
                if (!row[c].isNull()) {
                    ++present;
                    distinct.insert(row[c].toString());
                }
            }
            if (distinct.size() <= DependencyLearner::MaxDependentValues &&
                distinct.size() * 2 <= present)
                dependents << c;
        }
    }
    struct Pair
    {
        double v;
        int base, dependent;
    };
    QList<Pair> pairs;
    QHash<int, Codes> codes;
    for (const int c : bases + dependents) {
        if (!codes.contains(c))
            codes.insert(c, codesOf(rows, c));
    }
    for (const int a : bases) {
        for (const int b : dependents) {
            if (a == b)
                continue;
            const double v = cramersV(codes[a], codes[b]);
            if (v >= DependencyLearner::MinCramersV)
                pairs << Pair{v, a, b};
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair &x, const Pair &y) {
        return x.v != y.v
                   ? x.v > y.v
                   : std::make_pair(x.dependent, x.base) < std::make_pair(y.dependent, y.base);
    });
    QHash<int, int> given;
    for (const Pair &pair : pairs) {
        if (given.contains(pair.dependent) ||
            dependsOnTransitively(given, pair.base, pair.dependent))
            continue;
        given.insert(pair.dependent, pair.base);
        QHash<QString, qint64> all;
        QHash<QString, QHash<QString, qint64>> byBase;
        QHash<QString, QJsonValue> originals;
        for (const QVariantList &row : rows) {
            const QVariant &value = row[pair.dependent];
            if (value.isNull())
                continue;
            const QString text = value.toString();
            originals.insert(text, RecipeValue::toJson(value));
            ++all[text];
            if (!row[pair.base].isNull())
                ++byBase[RecipeValue::keyText(RecipeValue::toJson(row[pair.base]))][text];
        }
        QJsonObject spec = columns.value(names[pair.dependent]).toObject();
        const QJsonValue nullRate = spec.value(QLatin1String("null_rate"));
        spec = QJsonObject{
            {QStringLiteral("generator"), QStringLiteral("choice")},
            {QStringLiteral("values"), TextRecipeLearner::weighted(all, originals, 1000)},
            {QStringLiteral("given"), names[pair.base]}};
        QJsonObject by;
        for (auto it = byBase.constBegin(); it != byBase.constEnd(); ++it)
            by.insert(it.key(), TextRecipeLearner::weighted(it.value(), originals, 1000));
        spec.insert(QStringLiteral("by"), by);
        if (!nullRate.isUndefined())
            spec.insert(QStringLiteral("null_rate"), nullRate);
        columns.insert(names[pair.dependent], spec);
    }
}

// The column's values as numbers (dates as seconds), NaN where missing.
std::vector<double> numbersOf(const QList<QVariantList> &rows, int c, const QJsonObject &spec)
{
    const QString format = spec.value(QLatin1String("format")).toString();
    std::vector<double> numbers;
    numbers.reserve(size_t(rows.size()));
    for (const QVariantList &row : rows) {
        double value = std::nan("");
        if (!row[c].isNull()) {
            if (format.isEmpty())
                value = row[c].toDouble();
            else if (!DateTimeFormats::parse(row[c].toString(), format, &value))
                value = std::nan("");
        }
        numbers.push_back(value);
    }
    return numbers;
}

void linkOrdered(const QStringList &names, const QList<QVariantList> &rows, QJsonObject &columns)
{
    QList<int> candidates;
    for (int c = 0; c < names.size(); ++c) {
        const QString generator = generatorOf(columns, names[c]);
        if (generator == QLatin1String("number") || generator == QLatin1String("datetime"))
            candidates << c;
    }
    QHash<int, std::vector<double>> numbers;
    QHash<int, QString> generators; // as chosen before: a column that follows one can be followed
    for (const int c : candidates) {
        numbers.insert(c, numbersOf(rows, c, columns.value(names[c]).toObject()));
        generators.insert(c, generatorOf(columns, names[c]));
    }
    for (const int b : candidates) {
        const QJsonObject later = columns.value(names[b]).toObject();
        int best = -1;
        double bestCorrelation = 0;
        for (const int a : candidates) {
            // A chain of events: shipped after ordered, ordered after signed up.
            if (a >= b || generators[a] != generators[b])
                continue;
            const std::vector<double> &x = numbers[a], &y = numbers[b];
            qsizetype pairs = 0, ordered = 0;
            for (size_t i = 0; i < x.size(); ++i) {
                if (std::isnan(x[i]) || std::isnan(y[i]))
                    continue;
                ++pairs;
                if (y[i] >= x[i])
                    ++ordered;
            }
            if (pairs < DependencyLearner::MinOrderedPairs ||
                double(ordered) < DependencyLearner::MinOrdered * double(pairs))
                continue;
            const double correlation = pearson(x, y);
            const bool dates = later.contains(QLatin1String("format"));
            // Numbers must also move together; for dates the order alone tells a sequence of
            // events (ordered, shipped).
            if ((!dates && correlation < 0.5) || (best >= 0 && correlation <= bestCorrelation))
                continue;
            best = a;
            bestCorrelation = correlation;
        }
        if (best < 0)
            continue;
        QJsonObject spec = later;
        spec.insert(QStringLiteral("generator"), QStringLiteral("after"));
        spec.insert(QStringLiteral("column"), names[best]);
        GapSummary::describe(numbers[best], numbers[b], spec);
        columns.insert(names[b], spec);
    }
}

} // namespace

double DependencyLearner::cramersV(const QList<QVariantList> &rows, int a, int b)
{
    return ::cramersV(codesOf(rows, a), codesOf(rows, b));
}

void DependencyLearner::link(const TableInfo &, const QStringList &names,
                             const QList<QVariantList> &rows, QJsonObject &columns)
{
    linkCategorical(names, rows, columns);
    linkOrdered(names, rows, columns);
}
