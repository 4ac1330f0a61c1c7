#include "TreeLearner.h"

#include "DateParts.h"
#include "QuantileSampler.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"
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

enum class Kind { None, Categorical, Numeric, NullOnly };

// One column as the fitter sees it: a target kind, a predictor kind, and its values encoded.
struct Encoded
{
    Kind target = Kind::None;
    bool numericPredictor = false, categoricalPredictor = false, dates = false, gaps = false;
    std::vector<double> number;     // NaN for NULL (for "after": the gap to its base)
    std::vector<double> orderValue; // the value itself as a number, for numeric splits
    std::vector<int> code;          // category index, -1 for NULL
    QList<QJsonValue> categories;   // typed values by code
    int classes = 0;                // categories + 1 (NULL is a class of its own)
    std::vector<int> targetCode;    // the classes fitted on as a target
    int targetClasses = 0;
    // A date column also splits on its month, weekday and hour: parts that mean the same for
    // new dates past the last one (a series continues, its seasons repeat).
    bool seasonal = false, hasTime = false;
    QString part; // for those: "month", "weekday" or "hour" of the column
};

QString generatorOf(const QJsonObject &spec)
{
    return spec.value(QLatin1String("generator")).toString();
}

double asNumber(const QVariant &value, const QString &format)
{
    if (value.isNull())
        return std::nan("");
    if (format.isEmpty()) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        return ok ? number : std::nan("");
    }
    double seconds = 0;
    return DateTimeFormats::parse(value.toString(), format, &seconds) ? seconds : std::nan("");
}

Encoded encode(const QJsonObject &spec, const QList<QVariantList> &rows, int c,
               const QHash<QString, int> &index, bool notNull)
{
    Encoded e;
    const QString generator = generatorOf(spec);
    const QString format = spec.value(QLatin1String("format")).toString();
    const bool nullable = !notNull && spec.value(QLatin1String("null_rate")).toDouble() > 0;
    if (generator == QLatin1String("series")) {
        // Its values are all new: only their seasons say anything.
        for (const QVariantList &row : rows)
            e.orderValue.push_back(asNumber(row[c], format));
        e.dates = e.seasonal = true;
        e.hasTime = format.contains(u'H');
    } else if (generator == QLatin1String("number") || generator == QLatin1String("datetime") ||
               generator == QLatin1String("after")) {
        e.dates = !format.isEmpty();
        e.seasonal = e.dates;
        e.hasTime = format.contains(u'H');
        for (const QVariantList &row : rows)
            e.orderValue.push_back(asNumber(row[c], format));
        e.numericPredictor = true;
        e.target = Kind::Numeric;
        e.number = e.orderValue;
        if (generator == QLatin1String("after")) {
            e.gaps = true;
            const int base = index.value(spec.value(QLatin1String("column")).toString(), -1);
            const QString baseFormat = format;
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const double b = base < 0 ? std::nan("") : asNumber(rows[r][base], baseFormat);
                // A value whose base is missing keeps its own distribution: not a gap.
                if (!std::isnan(e.number[size_t(r)]))
                    e.number[size_t(r)] =
                        std::isnan(b) ? std::nan("") : std::max(0.0, e.number[size_t(r)] - b);
            }
            // Rows with a value but no base would look like NULLs: only NULL decides NULL.
            for (qsizetype r = 0; r < rows.size(); ++r) {
                if (!rows[r][c].isNull() && std::isnan(e.number[size_t(r)]))
                    e.number[size_t(r)] = -1; // marker, ignored by the leaf's gaps
            }
        }
    } else if (generator == QLatin1String("choice")) {
        QHash<QString, int> codes;
        for (const QVariantList &row : rows) {
            if (row[c].isNull()) {
                e.code.push_back(-1);
                continue;
            }
            const QString key = row[c].toString();
            auto it = codes.find(key);
            if (it == codes.end()) {
                it = codes.insert(key, int(e.categories.size()));
                e.categories << RecipeValue::toJson(row[c]);
            }
            e.code.push_back(it.value());
        }
        e.classes = int(e.categories.size()) + 1;
        e.categoricalPredictor = true;
        // Numbers with few values (ages in steps, ratings) also split by threshold.
        if (std::all_of(e.categories.begin(), e.categories.end(),
                        [](const QJsonValue &v) { return v.isDouble(); })) {
            e.numericPredictor = true;
            for (const int code : e.code)
                e.orderValue.push_back(code < 0 ? std::nan("") : e.categories[code].toDouble());
        }
        // A choice given another column already has its conditional; only its NULLs may
        // still depend on the rest.
        e.target = spec.contains(QLatin1String("given")) ? (nullable ? Kind::NullOnly : Kind::None)
                                                         : Kind::Categorical;
    } else if (nullable && generator != QLatin1String("foreign_key") &&
               generator != QLatin1String("sequence") && generator != QLatin1String("series")) {
        e.target = Kind::NullOnly;
    }
    // As a target the column is its classes (categories, or NULL against a value); as a
    // predictor it keeps its categories.
    e.targetCode = e.code;
    e.targetClasses = e.classes;
    if (e.target == Kind::NullOnly) {
        e.targetCode.clear();
        for (const QVariantList &row : rows)
            e.targetCode.push_back(row[c].isNull() ? -1 : 0);
        e.targetClasses = 2;
    }
    return e;
}

// Sufficient statistics of a set of rows for one target.
struct Stats
{
    double n = 0, nulls = 0, sum = 0, sumSquares = 0;
    std::vector<double> counts; // per class (class 0 is NULL, then the codes)
    double countSquares = 0;    // sum of counts squared

    explicit Stats(int classes = 0) : counts(size_t(classes), 0.0) {}
    void add(const Encoded &t, int r, double sign)
    {
        n += sign;
        if (t.target == Kind::Numeric) {
            const double y = t.number[size_t(r)];
            if (std::isnan(y)) {
                nulls += sign;
            } else if (!(t.gaps && y < 0)) {
                sum += sign * y;
                sumSquares += sign * y * y;
            }
            return;
        }
        double &count = counts[size_t(t.targetCode[size_t(r)] + 1)];
        countSquares += sign > 0 ? 2 * count + 1 : -2 * count + 1;
        count += sign;
    }
    // n times the impurity: Gini over classes, or Gini of NULL vs value plus the variance of
    // the values scaled by the whole column's variance.
    double weightedImpurity(const Encoded &t, double scale) const
    {
        if (n <= 0)
            return 0;
        if (t.target != Kind::Numeric)
            return n - countSquares / n;
        const double present = n - nulls;
        double impurity = n - (nulls * nulls + present * present) / n;
        if (present > 0)
            impurity += std::max(0.0, sumSquares - sum * sum / present) / scale;
        return impurity;
    }
};

struct Split
{
    double gain = 0;
    int predictor = -1;
    bool numeric = false;
    double atMost = 0;
    std::vector<int> thenCodes; // categorical: codes (-1 NULL) that go to "then"
    Stats then;                 // the rows that go to "then"
};

// The upper p-quantile of the standard normal (Abramowitz and Stegun 26.2.23), p <= 0.5.
double normalQuantile(double p)
{
    const double t = std::sqrt(-2.0 * std::log(p));
    return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
                   (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

// The upper p-quantile of chi-squared with df degrees of freedom (Wilson and Hilferty).
double chiSquaredQuantile(double df, double p)
{
    const double a = 2.0 / (9.0 * df);
    return df * std::pow(1 - a + normalQuantile(p) * std::sqrt(a), 3);
}

// Whether a split says more than chance, as conditional inference trees (ctree) ask: a
// chi-squared test of the target's classes (or NULL share, plus Welch's t on the values)
// between the two sides, Bonferroni-corrected for the number of splits tried. Without it a
// small table would split names on cities by accident, and new rows would copy the accident.
bool significant(const Encoded &t, const Stats &total, const Stats &then, qint64 tried)
{
    constexpr double Alpha = 0.01;
    Stats otherwise = total;
    otherwise.n -= then.n;
    otherwise.nulls -= then.nulls;
    otherwise.sum -= then.sum;
    otherwise.sumSquares -= then.sumSquares;
    double chi2 = 0, df = 0;
    auto addTable = [&](const std::vector<double> &a, const std::vector<double> &b) {
        const double na = std::accumulate(a.begin(), a.end(), 0.0);
        const double nb = std::accumulate(b.begin(), b.end(), 0.0);
        int used = 0;
        for (size_t k = 0; k < a.size(); ++k) {
            const double column = a[k] + b[k];
            if (column <= 0)
                continue;
            ++used;
            const double ea = column * na / (na + nb), eb = column * nb / (na + nb);
            chi2 += (a[k] - ea) * (a[k] - ea) / ea + (b[k] - eb) * (b[k] - eb) / eb;
        }
        df += std::max(0, used - 1);
    };
    if (t.target == Kind::Numeric) {
        addTable({then.nulls, then.n - then.nulls},
                 {otherwise.nulls, otherwise.n - otherwise.nulls});
        const double n1 = then.n - then.nulls, n2 = otherwise.n - otherwise.nulls;
        if (n1 >= 2 && n2 >= 2) {
            const double m1 = then.sum / n1, m2 = otherwise.sum / n2;
            const double v1 = std::max(0.0, then.sumSquares / n1 - m1 * m1) * n1 / (n1 - 1);
            const double v2 = std::max(0.0, otherwise.sumSquares / n2 - m2 * m2) * n2 / (n2 - 1);
            const double se = v1 / n1 + v2 / n2;
            if (se > 0) {
                chi2 += (m1 - m2) * (m1 - m2) / se;
                df += 1;
            } else if (m1 != m2) {
                return true; // two constant sides with different values
            }
        }
    } else {
        std::vector<double> other(total.counts.size());
        for (size_t k = 0; k < other.size(); ++k)
            other[k] = total.counts[k] - then.counts[k];
        addTable(then.counts, other);
    }
    if (df <= 0)
        return false;
    return chi2 > chiSquaredQuantile(df, Alpha / double(std::max<qint64>(1, tried)));
}

struct Node
{
    std::vector<int> rows;
    Split best;
    QJsonObject json;
    int parent = -1;
    bool isThen = false;
    std::vector<int> children;
};

class Fitter
{
public:
    Fitter(const Encoded &target, const std::vector<const Encoded *> &predictors,
           const std::vector<int> &predictorColumns,
           const std::vector<const std::vector<int> *> &sorted, int minLeaf)
        : m_t(target), m_predictors(predictors), m_columns(predictorColumns), m_sorted(sorted),
          m_minLeaf(minLeaf)
    {
        double sum = 0, sumSquares = 0, present = 0;
        for (const double y : target.number) {
            if (std::isnan(y) || (y < 0 && target.gaps))
                continue;
            sum += y;
            sumSquares += y * y;
            ++present;
        }
        const double variance = present > 1 ? (sumSquares - sum * sum / present) / present : 0;
        m_scale = variance > 0 ? variance : 1;
    }

    Stats stats(const std::vector<int> &rows) const
    {
        Stats s(m_t.targetClasses);
        for (const int r : rows)
            s.add(m_t, r, 1);
        return s;
    }

    Split bestSplit(const std::vector<int> &rows, std::vector<char> &member) const
    {
        Split best;
        if (int(rows.size()) < 2 * m_minLeaf)
            return best;
        const Stats total = stats(rows);
        const double parent = total.weightedImpurity(m_t, m_scale);
        if (parent <= 1e-9)
            return best;
        for (const int r : rows)
            member[size_t(r)] = 1;
        m_nodeRows = rows;
        m_tried = 0;
        for (size_t p = 0; p < m_predictors.size(); ++p) {
            const Encoded &x = *m_predictors[p];
            if (x.numericPredictor)
                numericSplit(int(p), x, total, parent, member, best);
            if (x.categoricalPredictor)
                categoricalSplit(int(p), x, rows, total, parent, best);
        }
        for (const int r : rows)
            member[size_t(r)] = 0;
        if (best.predictor >= 0 && !significant(m_t, total, best.then, m_tried))
            return Split();
        return best;
    }

    double impurity(const std::vector<int> &rows) const
    {
        return stats(rows).weightedImpurity(m_t, m_scale);
    }
    int column(int predictor) const { return m_columns[size_t(predictor)]; }
    const Encoded &predictor(int p) const { return *m_predictors[size_t(p)]; }

private:
    void numericSplit(int p, const Encoded &x, const Stats &total, double parent,
                      const std::vector<char> &member, Split &best) const
    {
        Stats left(m_t.targetClasses), right = total;
        int count = 0;
        // A small node sorts its own rows; a large one filters the column's sorted rows.
        std::vector<int> local;
        if (total.n * 8 < double(std::max(m_t.targetCode.size(), m_t.number.size()))) {
            local = m_nodeRows;
            local.erase(std::remove_if(local.begin(), local.end(),
                                       [&x](int r) { return std::isnan(x.orderValue[size_t(r)]); }),
                        local.end());
            std::sort(local.begin(), local.end(), [&x](int a, int b) {
                return x.orderValue[size_t(a)] < x.orderValue[size_t(b)];
            });
        }
        const std::vector<int> &order = local.empty() ? *m_sorted[size_t(p)] : local;
        for (size_t i = 0; i < order.size(); ++i) {
            const int r = order[i];
            if (!member[size_t(r)])
                continue;
            left.add(m_t, r, 1);
            right.add(m_t, r, -1);
            ++count;
            // The next row of this node with a value decides whether a split fits here.
            size_t j = i + 1;
            while (j < order.size() && !member[size_t(order[j])])
                ++j;
            if (j == order.size())
                break;
            const double here = x.orderValue[size_t(r)], next = x.orderValue[size_t(order[j])];
            if (here == next || count < m_minLeaf || right.n < m_minLeaf)
                continue;
            ++m_tried;
            const double gain =
                parent - left.weightedImpurity(m_t, m_scale) - right.weightedImpurity(m_t, m_scale);
            if (gain > best.gain) {
                best = Split{gain, p, true, here, {}, left};
            }
        }
    }

    void categoricalSplit(int p, const Encoded &x, const std::vector<int> &rows, const Stats &total,
                          double parent, Split &best) const
    {
        QHash<int, Stats> byCode;
        for (const int r : rows) {
            auto it = byCode.find(x.code[size_t(r)]);
            if (it == byCode.end())
                it = byCode.insert(x.code[size_t(r)], Stats(m_t.targetClasses));
            it->add(m_t, r, 1);
        }
        if (byCode.size() < 2)
            return;
        // Order the categories by what they say of the target (its mean, its NULL share or
        // the share of the node's most common class) and try every prefix: exact for a
        // numeric target, a good heuristic otherwise. One category against the rest too.
        int majority = 0;
        if (m_t.target != Kind::Numeric)
            majority = int(std::max_element(total.counts.begin(), total.counts.end()) -
                           total.counts.begin());
        QList<QPair<double, int>> ordered;
        for (auto it = byCode.constBegin(); it != byCode.constEnd(); ++it) {
            const Stats &s = it.value();
            double score = 0;
            if (m_t.target == Kind::Numeric) {
                const double present = s.n - s.nulls;
                score = present > 0 ? s.sum / present : -1e300;
                score += s.nulls / s.n * 1e-9;
            } else {
                score = s.counts[size_t(majority)] / s.n;
            }
            ordered << qMakePair(score, it.key());
        }
        std::sort(ordered.begin(), ordered.end());
        auto consider = [&](const std::vector<int> &codes) {
            Stats left(m_t.targetClasses);
            for (const int code : codes) {
                const Stats &s = byCode[code];
                left.n += s.n;
                left.nulls += s.nulls;
                left.sum += s.sum;
                left.sumSquares += s.sumSquares;
                for (size_t k = 0; k < left.counts.size(); ++k)
                    left.counts[k] += s.counts[k];
            }
            if (left.n < m_minLeaf || total.n - left.n < m_minLeaf)
                return;
            Stats right = total;
            right.n -= left.n;
            right.nulls -= left.nulls;
            right.sum -= left.sum;
            right.sumSquares -= left.sumSquares;
            left.countSquares = right.countSquares = 0;
            for (size_t k = 0; k < left.counts.size(); ++k) {
                right.counts[k] -= left.counts[k];
                left.countSquares += left.counts[k] * left.counts[k];
                right.countSquares += right.counts[k] * right.counts[k];
            }
            const double gain =
                parent - left.weightedImpurity(m_t, m_scale) - right.weightedImpurity(m_t, m_scale);
            if (gain > best.gain)
                best = Split{gain, p, false, 0, codes, left};
        };
        // Ordering by the target searches all 2^(k-1) - 1 ways to split k categories.
        m_tried += qint64(std::pow(2.0, double(std::min<qsizetype>(ordered.size(), 40) - 1))) - 1;
        std::vector<int> prefix;
        for (qsizetype i = 0; i + 1 < ordered.size(); ++i) {
            prefix.push_back(ordered[i].second);
            consider(prefix);
        }
        if (ordered.size() > 2) {
            for (const auto &[score, code] : ordered)
                consider({code});
        }
    }

    const Encoded &m_t;
    std::vector<const Encoded *> m_predictors;
    std::vector<int> m_columns;
    std::vector<const std::vector<int> *> m_sorted;
    int m_minLeaf;
    double m_scale = 1;
    mutable std::vector<int> m_nodeRows;
    mutable qint64 m_tried = 0;
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

QJsonObject leafOf(const Encoded &t, const QString &generator, const std::vector<int> &rows,
                   bool notNull)
{
    QJsonObject leaf{{QStringLiteral("rows"), int(rows.size())}};
    qint64 nulls = 0;
    std::vector<double> values;
    QHash<int, qint64> counts;
    for (const int r : rows) {
        if (t.target == Kind::Numeric) {
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
    if (t.target == Kind::Numeric && !values.empty()) {
        leaf.insert(generator == QLatin1String("after") ? QStringLiteral("gaps")
                                                        : QStringLiteral("quantiles"),
                    numbersArray(values));
    } else if (t.target == Kind::Categorical && !counts.isEmpty()) {
        QHash<QString, qint64> byText;
        QHash<QString, QJsonValue> original;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            const QJsonValue value = t.categories[it.key()];
            const QString text =
                value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
            byText.insert(text, it.value());
            original.insert(text, value);
        }
        QJsonArray weighted;
        for (const QJsonValue &item : TextRecipeLearner::weighted(byText, 1000)) {
            QJsonObject entry = item.toObject();
            entry.insert(QStringLiteral("value"),
                         original.value(entry.value(QLatin1String("value")).toString()));
            weighted << entry;
        }
        leaf.insert(QStringLiteral("values"), weighted);
    }
    return leaf;
}

QJsonObject conditionOf(const Fitter &fitter, const Split &split, const QStringList &names)
{
    const Encoded &x = fitter.predictor(split.predictor);
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

QJsonObject grow(const Fitter &fitter, const Encoded &t, const QString &generator,
                 const QStringList &names, int rowCount, bool notNull)
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
        const Split split = nodes[size_t(index)].best;
        if (split.predictor < 0 || split.gain < minimumGain)
            continue;
        const Encoded &x = fitter.predictor(split.predictor);
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
            continue;
        }
        QJsonObject split = conditionOf(fitter, node.best, names);
        split.insert(QStringLiteral("then"), json[size_t(node.children[0])]);
        split.insert(QStringLiteral("else"), json[size_t(node.children[1])]);
        json[size_t(i)] = split;
    }
    return json[0];
}

// The month (1-12), ISO weekday (1-7) and hour (0-23) of a date column, as predictors.
std::vector<Encoded> seasonsOf(const Encoded &date)
{
    std::vector<Encoded> parts;
    const QStringList names = date.hasTime
                                  ? QStringList{QStringLiteral("month"), QStringLiteral("weekday"),
                                                QStringLiteral("hour")}
                                  : QStringList{QStringLiteral("month"), QStringLiteral("weekday")};
    for (const QString &name : names) {
        Encoded part;
        part.part = name;
        part.numericPredictor = part.categoricalPredictor = true;
        const int first = name == QLatin1String("hour") ? 0 : 1;
        const int last = name == QLatin1String("month")     ? 12
                         : name == QLatin1String("weekday") ? 7
                                                            : 23;
        for (int value = first; value <= last; ++value)
            part.categories << double(value);
        part.classes = int(part.categories.size()) + 1;
        QSet<int> seen;
        for (const double seconds : date.orderValue) {
            if (std::isnan(seconds)) {
                part.orderValue.push_back(std::nan(""));
                part.code.push_back(-1);
                continue;
            }
            const int value = DateParts::of(seconds, name);
            seen.insert(value);
            part.orderValue.push_back(value);
            part.code.push_back(value - first);
        }
        if (seen.size() > 1)
            parts.push_back(std::move(part));
    }
    return parts;
}

// Dates first (a series first of all), then categories (fewest values first), then numbers,
// then the rest, each after the columns its generator already depends on.
std::vector<int> visitOrder(const QStringList &names, const QJsonObject &columns,
                            const std::vector<Encoded> &encoded, const QHash<QString, int> &index)
{
    auto rank = [&](int c) {
        const Encoded &e = encoded[size_t(c)];
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
        for (const char *key : {"given", "column"}) {
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

} // namespace

void TreeLearner::fit(const TableInfo &table, const QStringList &names,
                      const QList<QVariantList> &rows, QJsonObject &columns)
{
    if (rows.size() < 4 * MinLeafRows)
        return;
    QHash<QString, int> index;
    for (int c = 0; c < names.size(); ++c)
        index.insert(names[c], c);
    std::vector<Encoded> encoded;
    for (int c = 0; c < names.size(); ++c) {
        const bool notNull = table.column(names[c]) && table.column(names[c])->notNull;
        encoded.push_back(encode(columns.value(names[c]).toObject(), rows, c, index, notNull));
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
    std::vector<std::vector<Encoded>> seasons(size_t(names.size()));
    std::vector<std::vector<std::vector<int>>> seasonSorted(size_t(names.size()));
    for (int c = 0; c < names.size(); ++c) {
        if (!encoded[size_t(c)].seasonal)
            continue;
        seasons[size_t(c)] = seasonsOf(encoded[size_t(c)]);
        for (const Encoded &part : seasons[size_t(c)]) {
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
    int modelled = 0;
    for (size_t position = 0; position < order.size() && modelled < MaxModelledColumns;
         ++position) {
        const int c = order[position];
        const Encoded &target = encoded[size_t(c)];
        if (target.target == Kind::None || position == 0)
            continue;
        std::vector<const Encoded *> predictors;
        std::vector<int> predictorColumns;
        std::vector<const std::vector<int> *> predictorSorted;
        for (size_t earlier = 0; earlier < position; ++earlier) {
            const int p = order[earlier];
            const Encoded &x = encoded[size_t(p)];
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
            continue;
        ++modelled;
        QJsonObject spec = columns.value(names[c]).toObject();
        const bool notNull = table.column(names[c]) && table.column(names[c])->notNull;
        const Fitter fitter(target, predictors, predictorColumns, predictorSorted, minLeaf);
        const QJsonObject tree =
            grow(fitter, target, generatorOf(spec), names, int(rows.size()), notNull);
        if (!tree.contains(QLatin1String("column")))
            continue; // nothing to split on: the column is independent of the others
        spec.insert(QStringLiteral("tree"), tree);
        columns.insert(names[c], spec);
    }
}
