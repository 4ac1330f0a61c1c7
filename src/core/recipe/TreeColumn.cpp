#include "TreeColumn.h"

#include "CopulaLearner.h"
#include "DateParts.h"
#include "RecipeValue.h"
#include "TextRecipeLearner.h"
#include "util/DateTimeFormats.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <cmath>
#include <numeric>

namespace {
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
} // namespace

QString TreeColumn::generatorOf(const QJsonObject &spec)
{
    return spec.value(QLatin1String("generator")).toString();
}

TreeColumn TreeColumn::encode(const QJsonObject &spec, const QList<QVariantList> &rows, int c,
                              const QHash<QString, int> &index, bool notNull)
{
    TreeColumn e;
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
        std::vector<double> valid = e.number;
        for (double &y : valid) {
            if (e.gaps && y < 0)
                y = std::nan("");
        }
        std::vector<int> all(valid.size());
        std::iota(all.begin(), all.end(), 0);
        e.scores = CopulaLearner::normalScores(valid, all);
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
        // A choice given another column, or offset from one, already has its conditional; only
        // its NULLs may still depend on the rest.
        e.target = spec.contains(QLatin1String("given")) || spec.contains(QLatin1String("plus"))
                       ? (nullable ? Kind::NullOnly : Kind::None)
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

std::vector<TreeColumn> TreeColumn::seasonsOf(const TreeColumn &date)
{
    std::vector<TreeColumn> parts;
    const QStringList names = date.hasTime
                                  ? QStringList{QStringLiteral("month"), QStringLiteral("weekday"),
                                                QStringLiteral("hour")}
                                  : QStringList{QStringLiteral("month"), QStringLiteral("weekday")};
    for (const QString &name : names) {
        TreeColumn part;
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
