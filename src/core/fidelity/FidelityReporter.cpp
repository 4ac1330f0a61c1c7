#include "FidelityReporter.h"

#include "CloseRecords.h"
#include "FidelityMetrics.h"
#include "PairTrends.h"
#include "db/SchemaReader.h"
#include "profile/CategoryRule.h"
#include "profile/RowSampler.h"
#include "recipe/ParentKeyLoader.h"
#include "recipe/ParentRuleMiner.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeValue.h"
#include "recipe/RuleMiner.h"
#include "recipe/RuleSet.h"
#include "util/DateTimeFormats.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <cmath>
#include <numeric>

namespace {

bool isNumber(const QVariant &value)
{
    const int type = value.typeId();
    return type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double;
}

bool isIdentifier(const TableInfo &table, const ColumnInfo &column)
{
    if (!table.foreignKeysOf(column.name).isEmpty() || column.unique)
        return true;
    return std::any_of(table.uniqueKeys.begin(), table.uniqueKeys.end(),
                       [&column](const UniqueKey &key) {
                           return !key.partial && key.columns == QStringList{column.name};
                       });
}

// The column's non-null values as numbers (dates as seconds); `unreadable` counts the
// values that are not.
std::vector<double> numbersOf(const QVariantList &values, const QString &dateFormat,
                              qint64 *unreadable)
{
    std::vector<double> numbers;
    for (const QVariant &value : values) {
        if (value.isNull())
            continue;
        double number = 0;
        bool ok = false;
        if (dateFormat.isEmpty())
            number = value.toDouble(&ok);
        else
            ok = DateTimeFormats::parse(value.toString(), dateFormat, &number);
        if (ok)
            numbers.push_back(number);
        else
            ++*unreadable;
    }
    return numbers;
}

QHash<QString, qint64> countsOf(const QVariantList &values)
{
    QHash<QString, qint64> counts;
    for (const QVariant &value : values) {
        if (!value.isNull())
            ++counts[value.toString()];
    }
    return counts;
}

double nullFraction(const QVariantList &values)
{
    if (values.isEmpty())
        return 0;
    const auto nulls =
        std::count_if(values.begin(), values.end(), [](const QVariant &v) { return v.isNull(); });
    return double(nulls) / double(values.size());
}

void numericHistogram(FidelityReport::Column &column, const std::vector<double> &real,
                      const std::vector<double> &synthetic, bool dates)
{
    if (real.empty())
        return;
    double low = *std::min_element(real.begin(), real.end());
    double high = *std::max_element(real.begin(), real.end());
    for (const double value : synthetic) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    const int bins = FidelityReporter::HistogramBins;
    const double width = high > low ? (high - low) / bins : 1;
    auto shares = [&](const std::vector<double> &values) {
        QList<double> result(bins, 0.0);
        for (const double value : values)
            result[std::clamp(int((value - low) / width), 0, bins - 1)] += 1.0;
        for (double &share : result)
            share /= values.empty() ? 1.0 : double(values.size());
        return result;
    };
    const QLocale locale;
    for (int i = 0; i < bins; ++i) {
        const double start = low + width * i;
        column.bins << (dates ? QDateTime::fromSecsSinceEpoch(qint64(start), Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-dd"))
                              : locale.toString(start, 'g', 4));
    }
    column.realShares = shares(real);
    column.syntheticShares = shares(synthetic);
}

void categoryHistogram(FidelityReport::Column &column, const QHash<QString, qint64> &real,
                       const QHash<QString, qint64> &synthetic)
{
    QList<QPair<qint64, QString>> ranked;
    for (auto it = real.constBegin(); it != real.constEnd(); ++it)
        ranked << qMakePair(-it.value(), it.key());
    std::sort(ranked.begin(), ranked.end());
    const int shown =
        int(std::min<qsizetype>(ranked.size(), FidelityReporter::HistogramCategories));
    double realTotal = 0, syntheticTotal = 0;
    for (const qint64 count : real)
        realTotal += double(count);
    for (const qint64 count : synthetic)
        syntheticTotal += double(count);
    double realShown = 0, syntheticShown = 0;
    for (int i = 0; i < shown; ++i) {
        const QString &category = ranked[i].second;
        column.bins << category;
        column.realShares << double(real.value(category)) / std::max(1.0, realTotal);
        column.syntheticShares << double(synthetic.value(category)) / std::max(1.0, syntheticTotal);
        realShown += column.realShares.last();
        syntheticShown += column.syntheticShares.last();
    }
    if (realShown < 0.999 || syntheticShown < 0.999) {
        column.bins << QStringLiteral("(other)");
        column.realShares << std::max(0.0, 1.0 - realShown);
        column.syntheticShares << std::max(0.0, 1.0 - syntheticShown);
    }
}

// NewRowSynthesis and the duplicate rate over the non-identifier columns: text and categories
// match exactly, numbers within 1% of the real value.
void compareRows(FidelityReport &report, const QList<int> &exact, const QList<int> &tolerant,
                 const QList<QVariantList> &real, const QList<QVariantList> &synthetic)
{
    auto keyOf = [&exact](const QVariantList &row) {
        QString key;
        for (const int c : exact)
            key += (row[c].isNull() ? QStringLiteral("\x01") : row[c].toString()) + QChar(0x1f);
        return key;
    };
    auto numberOf = [](const QVariant &value) {
        return value.isNull() ? -std::numeric_limits<double>::infinity() : value.toDouble();
    };
    QHash<QString, std::vector<int>> buckets;
    for (int r = 0; r < real.size(); ++r)
        buckets[keyOf(real[r])].push_back(r);
    if (!tolerant.isEmpty()) {
        for (std::vector<int> &bucket : buckets)
            std::sort(bucket.begin(), bucket.end(), [&](int a, int b) {
                return numberOf(real[a][tolerant.first()]) < numberOf(real[b][tolerant.first()]);
            });
    }
    auto close = [](double realValue, double syntheticValue) {
        if (std::isinf(realValue) || std::isinf(syntheticValue))
            return realValue == syntheticValue;
        return std::fabs(realValue - syntheticValue) <= 0.01 * std::fabs(realValue);
    };
    qint64 copies = 0;
    QHash<QString, qint64> seen;
    for (const QVariantList &row : synthetic) {
        QString exactKey = keyOf(row);
        QString fullKey = exactKey;
        for (const int c : tolerant)
            fullKey += row[c].toString() + QChar(0x1f);
        ++seen[fullKey];
        const auto bucket = buckets.constFind(exactKey);
        if (bucket == buckets.constEnd())
            continue;
        if (tolerant.isEmpty()) {
            ++copies;
            continue;
        }
        const double first = numberOf(row[tolerant.first()]);
        // Real values within 1% of `first` lie in [first / 1.01, first / 0.99] (by sign).
        const double a = first / 1.01, b = first / 0.99;
        const double from = std::isinf(first) ? first : std::min(a, b);
        const double to = std::isinf(first) ? first : std::max(a, b);
        auto it = std::lower_bound(bucket->begin(), bucket->end(), from, [&](int r, double v) {
            return numberOf(real[r][tolerant.first()]) < v;
        });
        for (; it != bucket->end() && numberOf(real[*it][tolerant.first()]) <= to; ++it) {
            const QVariantList &candidate = real[*it];
            if (std::all_of(tolerant.begin(), tolerant.end(), [&](int c) {
                    return close(numberOf(candidate[c]), numberOf(row[c]));
                })) {
                ++copies;
                break;
            }
        }
    }
    qint64 duplicates = 0;
    for (const qint64 count : seen) {
        if (count > 1)
            duplicates += count;
    }
    const double n = std::max<double>(1, double(synthetic.size()));
    report.newRowSynthesis = synthetic.isEmpty() ? 1 : 1.0 - double(copies) / n;
    report.duplicateRate = synthetic.isEmpty() ? 0 : double(duplicates) / n;
}

constexpr int MinedRows = 1000;

// The new rows against rules mined from the first MinedRows real rows, each kept only if it
// also holds in every other real row sampled: over 50 airports, one held in the thousand by
// chance ("BARKSDALE ⇒ speed IS NOT NULL", NULL in 28 of its 435 rows).
QList<FidelityReport::Rule> adherence(const QJsonArray &mined, const TableInfo &table,
                                      const QStringList &columns, const QList<QVariantList> &real,
                                      const QList<QVariantList> &synthetic,
                                      const RuleSet::ParentsOf &parentsOf = {})
{
    QList<FidelityReport::Rule> results;
    if (mined.isEmpty() || synthetic.isEmpty())
        return results;
    QHash<QString, int> index;
    for (int c = 0; c < columns.size(); ++c)
        index.insert(columns[c], c);
    const RuleSet rules = RuleSet::compile(
        mined, index, [&](int c) { return table.column(columns[c])->affinity; }, parentsOf);
    std::vector<qint64> broken(size_t(rules.size()), 0);
    std::vector<GeneratedValue> row(size_t(columns.size()));
    std::vector<bool> holdsInReal(size_t(rules.size()), true);
    for (const QVariantList &values : real.mid(MinedRows)) {
        for (int c = 0; c < columns.size(); ++c)
            row[size_t(c)] = RecipeValue::fromVariant(values[c]);
        for (int r = 0; r < rules.size(); ++r) {
            if (holdsInReal[size_t(r)] && !rules.holds(r, row))
                holdsInReal[size_t(r)] = false;
        }
    }
    for (const QVariantList &values : synthetic) {
        for (int c = 0; c < columns.size(); ++c)
            row[size_t(c)] = RecipeValue::fromVariant(values[c]);
        for (int r = 0; r < rules.size(); ++r) {
            if (!rules.holds(r, row))
                ++broken[size_t(r)];
        }
    }
    for (int r = 0; r < rules.size(); ++r) {
        if (!holdsInReal[size_t(r)])
            continue;
        results << FidelityReport::Rule{rules.kind(r), rules.describe(r),
                                        1.0 - double(broken[size_t(r)]) / double(synthetic.size()),
                                        broken[size_t(r)]};
    }
    return results;
}

std::vector<int> codesOf(const QVariantList &values, QHash<QString, int> &dictionary)
{
    std::vector<int> codes;
    for (const QVariant &value : values) {
        if (value.isNull()) {
            codes.push_back(-1);
            continue;
        }
        const QString text = value.toString();
        auto it = dictionary.find(text);
        if (it == dictionary.end())
            it = dictionary.insert(text, int(dictionary.size()));
        codes.push_back(it.value());
    }
    return codes;
}

// Numbers (dates as seconds) with NaN for NULL and for what does not read.
std::vector<double> numbersWithNulls(const QVariantList &values, const QString &dateFormat)
{
    std::vector<double> numbers;
    for (const QVariant &value : values) {
        double number = std::nan("");
        if (!value.isNull()) {
            bool ok = false;
            if (dateFormat.isEmpty())
                number = value.toDouble(&ok);
            else
                ok = DateTimeFormats::parse(value.toString(), dateFormat, &number);
            if (!ok)
                number = std::nan("");
        }
        numbers.push_back(number);
    }
    return numbers;
}

} // namespace

QString FidelityReporter::classify(const TableInfo &table, const ColumnInfo &column,
                                   const QVariantList &realValues, QString *dateFormat)
{
    dateFormat->clear();
    if (isIdentifier(table, column))
        return QStringLiteral("other");
    QVariantList present;
    for (const QVariant &value : realValues) {
        if (!value.isNull())
            present << value;
    }
    if (present.isEmpty())
        return QStringLiteral("other");
    QSet<QString> distinct;
    bool numbers = true, integral = true;
    QStringList texts;
    for (const QVariant &value : present) {
        distinct.insert(value.toString());
        if (!isNumber(value)) {
            numbers = false;
            texts << value.toString();
        } else if (value.typeId() == QMetaType::Double) {
            integral = false;
        }
    }
    if (numbers)
        return integral && CategoryRule::isCategory(distinct.size(), present.size(), false)
                   ? QStringLiteral("categorical")
                   : QStringLiteral("numeric");
    *dateFormat = DateTimeFormats::detect(texts);
    if (!dateFormat->isEmpty())
        return QStringLiteral("datetime");
    return CategoryRule::isCategory(distinct.size(), present.size(), true)
               ? QStringLiteral("categorical")
               : QStringLiteral("other");
}

FidelityReport FidelityReporter::compare(const TableInfo &table, const QStringList &columns,
                                         const QList<QVariantList> &real,
                                         const QList<QVariantList> &synthetic)
{
    FidelityReport report;
    report.realRows = real.size();
    report.syntheticRows = synthetic.size();
    QList<int> exact, tolerant;
    QList<PairTrends::Series> series;
    QList<CloseRecords::Column> distances;
    qint64 dates = 0, unreadableDates = 0;
    // As many real rows as new ones, drawn with replacement, scored the same way.
    FidelityReport resampled;
    QList<PairTrends::Series> resampledSeries;
    std::vector<int> drawn;
    QRandomGenerator drawing(2); // the same rows give the same report
    for (qsizetype r = 0; !real.isEmpty() && r < synthetic.size(); ++r)
        drawn.push_back(int(drawing.bounded(qint64(real.size()))));
    auto redrawn = [&drawn](PairTrends::Series series) {
        series.synthetic.clear();
        series.syntheticCodes.clear();
        for (const int r : drawn) {
            if (!series.real.empty())
                series.synthetic.push_back(series.real[size_t(r)]);
            series.syntheticCodes.push_back(series.realCodes[size_t(r)]);
        }
        return series;
    };
    for (int c = 0; c < columns.size(); ++c) {
        const ColumnInfo *info = table.column(columns[c]);
        if (!info)
            throw RowforgeError(
                QStringLiteral("\"%1\" has no column \"%2\"").arg(table.name, columns[c]));
        QVariantList realValues, syntheticValues;
        for (const QVariantList &row : real)
            realValues << row[c];
        for (const QVariantList &row : synthetic)
            syntheticValues << row[c];
        FidelityReport::Column column;
        column.name = columns[c];
        QString dateFormat;
        column.kind = classify(table, *info, realValues, &dateFormat);
        if (column.kind != QLatin1String("datetime")) {
            // Keys and unique columns are not compared, but their dates must still be dates.
            QStringList texts;
            for (const QVariant &value : realValues) {
                if (!value.isNull() && !isNumber(value))
                    texts << value.toString();
            }
            const QString format = texts.isEmpty() ? QString() : DateTimeFormats::detect(texts);
            if (!format.isEmpty()) {
                qint64 unreadable = 0;
                dates +=
                    qint64(numbersOf(syntheticValues, format, &unreadable).size()) + unreadable;
                unreadableDates += unreadable;
            }
        }
        column.missing = FidelityMetrics::missingValueSimilarity(nullFraction(realValues),
                                                                 nullFraction(syntheticValues));
        if (column.kind == QLatin1String("numeric") || column.kind == QLatin1String("datetime")) {
            qint64 unreadableReal = 0, unreadable = 0;
            const std::vector<double> realNumbers =
                numbersOf(realValues, dateFormat, &unreadableReal);
            const std::vector<double> syntheticNumbers =
                numbersOf(syntheticValues, dateFormat, &unreadable);
            column.shape = FidelityMetrics::ksComplement(realNumbers, syntheticNumbers);
            if (column.kind == QLatin1String("datetime")) {
                dates += qint64(syntheticNumbers.size()) + unreadable;
                unreadableDates += unreadable;
            }
            PairTrends::Series pair{column.name,
                                    true,
                                    numbersWithNulls(realValues, dateFormat),
                                    numbersWithNulls(syntheticValues, dateFormat),
                                    {},
                                    {}};
            PairTrends::bin(pair);
            series << pair;
            resampledSeries << redrawn(pair);
            std::vector<double> again;
            for (const double value : resampledSeries.last().synthetic) {
                if (!std::isnan(value))
                    again.push_back(value);
            }
            resampled.columns << FidelityReport::Column{};
            resampled.columns.last().shape = FidelityMetrics::ksComplement(realNumbers, again);
            distances << CloseRecords::Column{true, pair.real, pair.synthetic, {}, {}};
            // A value that is not a number (or date) at all is out of bounds too.
            const double readable = double(syntheticNumbers.size());
            column.boundary = FidelityMetrics::boundaryAdherence(realNumbers, syntheticNumbers) *
                              readable / std::max(1.0, readable + double(unreadable));
            if (readable + double(unreadable) == 0)
                column.boundary = 1;
            numericHistogram(column, realNumbers, syntheticNumbers,
                             column.kind == QLatin1String("datetime"));
        } else if (column.kind == QLatin1String("categorical")) {
            const QHash<QString, qint64> realCounts = countsOf(realValues);
            const QHash<QString, qint64> syntheticCounts = countsOf(syntheticValues);
            column.shape = FidelityMetrics::tvComplement(realCounts, syntheticCounts);
            column.category = FidelityMetrics::categoryAdherence(realCounts, syntheticCounts);
            QHash<QString, int> dictionary;
            PairTrends::Series pair{column.name,
                                    false,
                                    {},
                                    {},
                                    codesOf(realValues, dictionary),
                                    codesOf(syntheticValues, dictionary)};
            series << pair;
            resampledSeries << redrawn(pair);
            QVariantList again;
            for (const int r : drawn)
                again << realValues[r];
            resampled.columns << FidelityReport::Column{};
            resampled.columns.last().shape =
                FidelityMetrics::tvComplement(realCounts, countsOf(again));
            distances << CloseRecords::Column{false, {}, {}, pair.realCodes, pair.syntheticCodes};
            categoryHistogram(column, realCounts, syntheticCounts);
        }
        if (!isIdentifier(table, *info)) {
            if (column.kind == QLatin1String("numeric"))
                tolerant << c;
            else
                exact << c;
        }
        report.columns << column;
    }
    compareRows(report, exact, tolerant, real, synthetic);
    report.pairs = PairTrends::compute(series);
    if (!drawn.empty()) {
        resampled.pairs = PairTrends::compute(resampledSeries);
        for (qsizetype i = 0; i < report.pairs.size(); ++i)
            report.pairs[i].resampled = resampled.pairs[i].score; // computed in the same order
        report.resampledShapes = resampled.columnShapes();
        report.resampledPairs = resampled.columnPairTrends();
    }
    report.rules = adherence(RuleMiner::mine(columns, real.mid(0, MinedRows)), table, columns, real,
                             synthetic);
    report.validity = dates ? 1.0 - double(unreadableDates) / double(dates) : -1;
    QRandomGenerator random(1); // the same rows give the same report
    report.privacy = CloseRecords::measure(distances, real.size(), synthetic.size(), random);
    return report;
}

FidelityReport FidelityReporter::compare(QSqlDatabase &db, const TableInfo &table,
                                         const QStringList &columns,
                                         const QList<QVariantList> &real,
                                         const QList<QVariantList> &synthetic)
{
    FidelityReport report = compare(table, columns, real, synthetic);
    report.rules << crossTableRules(db, table, columns, real, synthetic);
    return report;
}

QList<FidelityReport::Rule> FidelityReporter::crossTableRules(QSqlDatabase &db,
                                                              const TableInfo &table,
                                                              const QStringList &columns,
                                                              const QList<QVariantList> &real,
                                                              const QList<QVariantList> &synthetic)
{
    if (synthetic.isEmpty() || table.foreignKeys.isEmpty())
        return {};
    QJsonObject scratch; // the miner's generator changes, not wanted here
    const QJsonArray mined =
        ParentRuleMiner::mine(db, table, columns, real.mid(0, MinedRows), scratch);
    if (mined.isEmpty())
        return {};
    // The parents of every row checked, with the columns the rules compare with.
    const QHash<QString, QStringList> parentColumns = RuleSet::parentColumns(mined);
    QHash<int, std::shared_ptr<ParentKeys>> parents;
    for (auto it = parentColumns.constBegin(); it != parentColumns.constEnd(); ++it) {
        const int c = int(columns.indexOf(it.key()));
        const QList<ForeignKey> keys = table.foreignKeysOf(it.key());
        if (c < 0 || keys.isEmpty())
            continue;
        QVariantList values;
        for (const QList<QVariantList> *rows : {&real, &synthetic}) {
            for (const QVariantList &row : *rows)
                values << row[c];
        }
        parents.insert(c, ParentKeyLoader::lookUp(db, keys.first(), it.value(), values));
    }
    return adherence(mined, table, columns, real, synthetic,
                     [&parents](int column) { return parents.value(column); });
}

FidelityReport::Children FidelityReporter::children(const QString &childTable,
                                                    const QStringList &key,
                                                    const std::vector<int> &realCounts,
                                                    const std::vector<int> &newCounts)
{
    FidelityReport::Children children;
    children.table = childTable;
    children.key = key.join(QStringLiteral(", "));
    children.realParents = qint64(realCounts.size());
    children.syntheticParents = qint64(newCounts.size());
    auto describe = [](const std::vector<int> &counts, double *zeroShare, double *mean) {
        std::vector<double> numbers(counts.begin(), counts.end());
        if (!counts.empty()) {
            *zeroShare =
                double(std::count(counts.begin(), counts.end(), 0)) / double(counts.size());
            *mean = std::accumulate(numbers.begin(), numbers.end(), 0.0) / double(counts.size());
        }
        return numbers;
    };
    const std::vector<double> real =
        describe(realCounts, &children.realZeroShare, &children.realMean);
    const std::vector<double> synthetic =
        describe(newCounts, &children.syntheticZeroShare, &children.syntheticMean);
    if (!real.empty() && !synthetic.empty())
        children.shape = FidelityMetrics::ksComplement(real, synthetic);
    return children;
}

FidelityReport FidelityReporter::sinceRowid(QSqlDatabase &db, const QString &tableName,
                                            qint64 lastRealRowid, QRandomGenerator &random)
{
    const TableInfo table = SchemaReader::require(db, tableName);
    if (table.rowidName().isEmpty())
        throw RowforgeError(QStringLiteral("\"%1\" has no rowid (a view or a WITHOUT ROWID "
                                           "table): rows cannot be told apart by --since-rowid")
                                .arg(table.name));
    const QStringList columns = RecipeCompiler::generatedColumns(table);
    const QList<QVariantList> real = RowSampler::sample(
        db, table, SampleRows, random, columns, std::numeric_limits<qint64>::min(), lastRealRowid);
    const QList<QVariantList> synthetic =
        RowSampler::sample(db, table, SampleRows, random, columns, lastRealRowid + 1);
    if (real.isEmpty())
        throw RowforgeError(QStringLiteral("\"%1\" has no rows up to rowid %2 to compare with")
                                .arg(table.name, QString::number(lastRealRowid)));
    if (synthetic.isEmpty())
        throw RowforgeError(QStringLiteral("\"%1\" has no rows after rowid %2")
                                .arg(table.name, QString::number(lastRealRowid)));
    return compare(db, table, columns, real, synthetic);
}
