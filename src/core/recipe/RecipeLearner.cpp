#include "RecipeLearner.h"

#include "DateTimeGenerator.h"
#include "DependencyLearner.h"
#include "EmailNameLearner.h"
#include "GivenTextLearner.h"
#include "NumberSummary.h"
#include "OffsetLearner.h"
#include "ParentRuleMiner.h"
#include "QuantileSampler.h"
#include "RecipeCompiler.h"
#include "RecipeValue.h"
#include "RuleMiner.h"
#include "SchemaOnlyRecipe.h"
#include "StartsWithLearner.h"
#include "TextRecipeLearner.h"
#include "TimeOfDaySummary.h"
#include "TreeLearner.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "profile/CategoryRule.h"
#include "profile/ColumnProfiler.h"
#include "profile/RowSampler.h"
#include "util/DateTimeFormats.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>
#include <numeric>

namespace {

QJsonObject entry(const QString &generator)
{
    return QJsonObject{{QStringLiteral("generator"), generator}};
}

QJsonArray quantileArray(std::vector<double> numbers)
{
    std::sort(numbers.begin(), numbers.end());
    QJsonArray array;
    for (const double q : QuantileSampler::quantilesOf(numbers, RecipeLearner::Quantiles))
        array << q;
    return array;
}

QJsonObject numberColumn(const ColumnInfo &column, const QVariantList &values, bool key,
                         const QHash<QString, qint64> &maxima)
{
    std::vector<double> numbers;
    QHash<QString, qint64> counts;
    bool integral = true;
    int decimals = 0;
    for (const QVariant &value : values) {
        const double number = value.toDouble();
        numbers.push_back(number);
        ++counts[value.toString()];
        if (value.typeId() == QMetaType::Double) {
            integral = false;
            decimals = std::max(decimals, std::min(RecipeValue::decimalPlaces(number), 6));
        }
    }
    if (key && integral) {
        const double largest = *std::max_element(numbers.begin(), numbers.end());
        QJsonObject spec = entry(QStringLiteral("sequence"));
        spec.insert(
            QStringLiteral("start"),
            double(std::max<qint64>(maxima.value(column.name, qint64(largest)), qint64(largest)) +
                   1));
        return spec;
    }
    // Few distinct values, whole or not (children 0, 1, 2, 5.5; prices 9.99, 19.99): drawn as
    // they are, never as values in between.
    if (!key && CategoryRule::isCategory(counts.size(), qsizetype(values.size()), false)) {
        QJsonObject spec = entry(QStringLiteral("choice"));
        QJsonArray choices;
        for (const QJsonValue &item : TextRecipeLearner::weighted(counts, 1000)) {
            QJsonObject choice = item.toObject();
            choice.insert(QStringLiteral("value"),
                          choice.value(QLatin1String("value")).toString().toDouble());
            choices << choice;
        }
        spec.insert(QStringLiteral("values"), choices);
        return spec;
    }
    QJsonObject spec = entry(QStringLiteral("number"));
    NumberSummary::describe(numbers, RecipeLearner::Quantiles, false, spec);
    spec.insert(QStringLiteral("decimals"), integral ? 0 : std::max(decimals, 1));
    return spec;
}

bool isJsonText(const QStringList &texts)
{
    for (const QString &text : texts.mid(0, 50)) {
        const QString trimmed = text.trimmed();
        if (!(trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) ||
            QJsonDocument::fromJson(trimmed.toUtf8()).isNull())
            return false;
    }
    return true;
}

// A unique date column with a cadence (every day, the 1st of every month) continues it;
// without one, it draws valid dates from the observed range (uniqueness is checked on insert).
// `sampledShare` is the share of the table's rows in `texts`.
QJsonObject dateColumn(const QStringList &texts, const QString &format, bool unique,
                       const QString &last, double sampledShare)
{
    std::vector<double> seconds;
    for (const QString &text : texts) {
        double value = 0;
        if (DateTimeFormats::parse(text, format, &value))
            seconds.push_back(value);
    }
    std::sort(seconds.begin(), seconds.end());
    if (unique && seconds.size() >= 3) {
        double lastSeconds = seconds.back();
        double parsed = 0;
        if (!last.isEmpty() && DateTimeFormats::parse(last, format, &parsed))
            lastSeconds = std::max(lastSeconds, parsed);
        auto moment = [](double value) {
            return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(value * 1000)), Qt::UTC);
        };
        const bool monthly = std::all_of(seconds.begin(), seconds.end(), [&](double value) {
            const QDateTime m = moment(value);
            return m.date().day() == 1 && m.time() == QTime(0, 0);
        });
        QHash<qint64, qint64> gaps;
        for (size_t i = 1; i < seconds.size(); ++i) {
            const QDate a = moment(seconds[i - 1]).date(), b = moment(seconds[i]).date();
            ++gaps[monthly ? qint64(b.year() * 12 + b.month() - a.year() * 12 - a.month())
                           : qint64(std::llround(seconds[i] - seconds[i - 1]))];
        }
        qint64 step = 0, count = 0, divisor = 0;
        for (auto it = gaps.constBegin(); it != gaps.constEnd(); ++it) {
            if (it.value() > count || (it.value() == count && it.key() < step))
                step = it.key(), count = it.value();
            divisor = std::gcd(divisor, it.key());
        }
        bool series = step > 0 && count * 5 >= qint64(seconds.size() - 1) * 4;
        // A series with days missing (or a sample of a long one) has gaps of several steps:
        // every value still on one grid, and at least a quarter of its points taken.
        if (!series && divisor > 0) {
            const QDate first = moment(seconds.front()).date(), end = moment(seconds.back()).date();
            const double points =
                1 + (monthly
                         ? double(end.year() * 12 + end.month() - first.year() * 12 - first.month())
                         : seconds.back() - seconds.front()) /
                        double(divisor);
            series = double(seconds.size()) / std::max(sampledShare, 1e-9) >= points / 4;
            step = divisor;
        }
        if (series) {
            QString unit = monthly ? QStringLiteral("month") : QStringLiteral("second");
            if (!monthly && step % 86400 == 0)
                unit = QStringLiteral("day"), step /= 86400;
            QDateTime start = moment(lastSeconds);
            start = monthly                        ? start.addMonths(int(step))
                    : unit == QLatin1String("day") ? start.addDays(step)
                                                   : start.addSecs(step);
            QJsonObject spec = entry(QStringLiteral("series"));
            spec.insert(QStringLiteral("format"), format);
            spec.insert(QStringLiteral("start"), start.toString(Qt::ISODateWithMs));
            spec.insert(QStringLiteral("step"), step);
            spec.insert(QStringLiteral("unit"), unit);
            return spec;
        }
    }
    QJsonObject spec = entry(QStringLiteral("datetime"));
    spec.insert(QStringLiteral("format"), format);
    if (DateTimeGenerator::hasTime(format))
        TimeOfDaySummary::describe(seconds, spec);
    spec.insert(QStringLiteral("quantiles"), quantileArray(seconds));
    return spec;
}

QJsonObject textColumn(const QStringList &texts, bool unique, const QString &last,
                       double sampledShare)
{
    static const QRegularExpression ipv4(
        QStringLiteral("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$"));
    QHash<QString, qint64> counts;
    for (const QString &text : texts)
        ++counts[text];
    const QString dateFormat = DateTimeFormats::detect(texts);
    if (!dateFormat.isEmpty())
        return dateColumn(texts, dateFormat, unique, last, sampledShare);
    if (!unique && CategoryRule::isCategory(counts.size(), texts.size(), true)) {
        QJsonObject spec = entry(QStringLiteral("choice"));
        spec.insert(QStringLiteral("values"), TextRecipeLearner::weighted(counts, 1000));
        return spec;
    }
    const QString format = ColumnProfiler::detectFormat(texts);
    if (format == QLatin1String("email"))
        return TextRecipeLearner::email(texts);
    if (format == QLatin1String("url"))
        return TextRecipeLearner::url(texts);
    if (format == QLatin1String("uuid")) {
        QJsonObject spec = entry(QStringLiteral("uuid"));
        spec.insert(QStringLiteral("uppercase"), texts.first() == texts.first().toUpper());
        return spec;
    }
    const auto ipMatches = std::count_if(texts.begin(), texts.end(),
                                         [](const QString &t) { return ipv4.match(t).hasMatch(); });
    if (ipMatches * 10 >= texts.size() * 9)
        return entry(QStringLiteral("ipv4"));
    if (isJsonText(texts)) {
        // Documents are kept whole: new combinations of their parts could break the JSON.
        QJsonObject spec = entry(QStringLiteral("choice"));
        spec.insert(QStringLiteral("values"), TextRecipeLearner::weighted(counts, 1000));
        return spec;
    }
    const QJsonObject code = TextRecipeLearner::codeTemplate(texts, unique);
    if (!code.isEmpty())
        return code;
    return TextRecipeLearner::words(texts);
}

bool isIntegerKey(const TableInfo &table, const ColumnInfo &column)
{
    const bool singleKey = std::any_of(
        table.uniqueKeys.begin(), table.uniqueKeys.end(), [&column](const UniqueKey &key) {
            return !key.partial && key.columns == QStringList{column.name};
        });
    return singleKey &&
           (column.affinity == SqlAffinity::Integer || column.affinity == SqlAffinity::Numeric);
}

} // namespace

bool RecipeLearner::isSchemaOnly(const QJsonObject &recipe)
{
    return recipe.value(QLatin1String("learned_from_rows")).toInt(-1) == 0;
}

QJsonObject RecipeLearner::learnFromRows(const TableInfo &table, const QList<QVariantList> &rows,
                                         const QHash<QString, qint64> &maxima,
                                         const QHash<QString, QString> &lastValues,
                                         double sampledShare)
{
    const QStringList names = RecipeCompiler::generatedColumns(table);
    if (rows.isEmpty())
        return SchemaOnlyRecipe::build(table);
    QJsonObject columns;
    for (int c = 0; c < names.size(); ++c) {
        const ColumnInfo &column = *table.column(names[c]);
        QVariantList present;
        QStringList texts;
        bool allNumbers = true, anyBlob = false;
        for (const QVariantList &row : rows) {
            const QVariant &value = row[c];
            if (value.isNull())
                continue;
            present << value;
            const int type = value.typeId();
            if (type == QMetaType::QByteArray)
                anyBlob = true;
            if (type != QMetaType::LongLong && type != QMetaType::Int &&
                type != QMetaType::Double) {
                allNumbers = false;
                texts << value.toString();
            }
        }
        QJsonObject spec;
        if (!table.foreignKeysOf(column.name).isEmpty()) {
            spec = entry(QStringLiteral("foreign_key"));
            spec.insert(QStringLiteral("parents"), QStringLiteral("like_existing"));
        } else if (present.isEmpty()) {
            spec = SchemaOnlyRecipe::column(column);
        } else if (anyBlob) {
            int shortest = INT_MAX, longest = 0;
            for (const QVariant &value : present) {
                shortest = std::min(shortest, int(value.toByteArray().size()));
                longest = std::max(longest, int(value.toByteArray().size()));
            }
            spec = entry(QStringLiteral("bytes"));
            spec.insert(QStringLiteral("min_length"), shortest);
            spec.insert(QStringLiteral("max_length"), longest);
        } else if (allNumbers) {
            spec = numberColumn(column, present, isIntegerKey(table, column), maxima);
        } else {
            const bool unique =
                column.unique || (column.isPrimaryKey() && table.primaryKey().size() == 1);
            spec = textColumn(texts, unique, lastValues.value(column.name), sampledShare);
        }
        const double nullRate = double(rows.size() - present.size()) / double(rows.size());
        if (nullRate > 0 && !column.notNull)
            spec.insert(QStringLiteral("null_rate"), nullRate);
        columns.insert(column.name, spec);
    }
    DependencyLearner::link(table, names, rows, columns);
    OffsetLearner::link(names, rows, columns);
    EmailNameLearner::link(names, rows, columns);
    StartsWithLearner::link(table, names, rows, columns);
    GivenTextLearner::link(table, names, rows, columns);
    TreeLearner::fit(table, names, rows, columns);
    QJsonObject recipe{{QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
                       {QStringLiteral("table"), table.name},
                       {QStringLiteral("learned_from_rows"), rows.size()},
                       {QStringLiteral("columns"), columns}};
    const QJsonArray rules = RuleMiner::mine(names, rows);
    if (!rules.isEmpty()) {
        // Granularity is kept by the dates' own generator: a date drawn on the 17th and moved
        // to the 1st keeps its month's share, where drawing again would not.
        for (const QJsonValue &value : rules) {
            const QJsonObject rule = value.toObject();
            const QString kind = rule.value(QLatin1String("rule")).toString();
            const QString name = rule.value(QLatin1String("column")).toString();
            QJsonObject spec = columns.value(name).toObject();
            if (spec.value(QLatin1String("generator")).toString() != QLatin1String("datetime"))
                continue;
            if (kind == QLatin1String("granularity"))
                spec.insert(QStringLiteral("granularity"), rule.value(QLatin1String("unit")));
            else if (kind == QLatin1String("weekdays"))
                spec.insert(QStringLiteral("weekdays_only"), true);
            columns.insert(name, spec);
        }
        recipe.insert(QStringLiteral("columns"), columns);
        recipe.insert(QStringLiteral("rules"), rules);
    }
    return recipe;
}

QJsonObject RecipeLearner::learn(QSqlDatabase &db, const TableInfo &table, QRandomGenerator &random,
                                 const RowidRanges &leaveOut)
{
    const QStringList names = RecipeCompiler::generatedColumns(table);
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    QList<QVariantList> rows =
        RowSampler::sample(db, table, SampleRows, random, names, -Any - 1, Any, leaveOut);
    const bool onlyGenerated = rows.isEmpty() && !leaveOut.isEmpty();
    if (onlyGenerated)
        rows = RowSampler::sample(db, table, SampleRows, random, names);
    // Small tables come back in random order; learning must not depend on it.
    QList<QPair<QString, qsizetype>> keys;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QString key;
        for (const QVariant &value : rows[r])
            key += value.toString() + QChar(0x1f);
        keys << qMakePair(key, r);
    }
    std::sort(keys.begin(), keys.end());
    QList<QVariantList> ordered;
    ordered.reserve(rows.size());
    for (const auto &[key, index] : keys)
        ordered << rows[index];
    rows = ordered;
    // SQLite keeps infinities in REAL columns (1e999), but a recipe's numbers cannot hold one
    // and quantiles around it mean nothing: they are learned as missing, and never made.
    for (QVariantList &row : rows) {
        for (QVariant &value : row) {
            if (value.typeId() == QMetaType::Double && !std::isfinite(value.toDouble()))
                value = QVariant();
        }
    }
    QHash<QString, qint64> maxima;
    for (const QString &name : names) {
        const ColumnInfo &column = *table.column(name);
        if (isIntegerKey(table, column)) {
            // Served by the key's index, not a scan.
            QSqlQuery query = SqlExec::exec(
                db, QStringLiteral("SELECT max(%1) FROM %2")
                        .arg(SqlIdentifier::quote(name), SqlIdentifier::quote(table.name)));
            if (query.next() && !query.value(0).isNull())
                maxima.insert(name, query.value(0).toLongLong());
        }
    }
    // The last value of a unique ISO date column, where a series continues (text order is
    // date order for ISO dates; the index serves it).
    QHash<QString, QString> lastValues;
    for (const ColumnInfo &column : table.columns) {
        const bool unique =
            column.unique || (column.isPrimaryKey() && table.primaryKey().size() == 1);
        if (!unique || !names.contains(column.name) || column.affinity == SqlAffinity::Integer ||
            column.affinity == SqlAffinity::Real)
            continue;
        QSqlQuery query = SqlExec::exec(
            db, QStringLiteral("SELECT max(%1) FROM %2 WHERE typeof(%1) = 'text'")
                    .arg(SqlIdentifier::quote(column.name), SqlIdentifier::quote(table.name)));
        if (query.next() && !query.value(0).isNull()) {
            const QString last = query.value(0).toString();
            if (last.size() >= 10 && last[4] == u'-' && last[0].isDigit())
                lastValues.insert(column.name, last);
        }
    }
    // What share of the table the sample is: a sampled series shows gaps it does not have.
    double sampledShare = 1;
    if (!lastValues.isEmpty() && rows.size() >= SampleRows) {
        const qint64 total =
            SqlExec::scalar(
                db, QStringLiteral("SELECT count(*) FROM %1").arg(SqlIdentifier::quote(table.name)))
                .toLongLong();
        sampledShare = total > 0 ? double(rows.size()) / double(total) : 1;
    }
    QJsonObject recipe = learnFromRows(table, rows, maxima, lastValues, sampledShare);
    QJsonObject columns = recipe.value(QLatin1String("columns")).toObject();
    const QJsonArray parentRules = ParentRuleMiner::mine(db, table, names, rows, columns);
    if (!parentRules.isEmpty()) {
        recipe.insert(QStringLiteral("columns"), columns);
        QJsonArray rules = recipe.value(QLatin1String("rules")).toArray();
        for (const QJsonValue &rule : parentRules)
            rules << rule;
        recipe.insert(QStringLiteral("rules"), rules);
    }
    if (onlyGenerated)
        recipe.insert(QStringLiteral("learned_from_generated"), true);
    return recipe;
}
