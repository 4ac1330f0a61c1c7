#include "RecipeCompiler.h"

#include "AfterGenerator.h"
#include "BytesGenerator.h"
#include "ChoiceGenerator.h"
#include "ConditionalGenerator.h"
#include "ConstantGenerator.h"
#include "DateTimeGenerator.h"
#include "EmailGenerator.h"
#include "ForeignKeyGenerator.h"
#include "GeneratorSpec.h"
#include "GivenGenerator.h"
#include "Ipv4Generator.h"
#include "NumberGenerator.h"
#include "NumberSummary.h"
#include "OffsetGenerator.h"
#include "RecipeValue.h"
#include "SequenceGenerator.h"
#include "SeriesGenerator.h"
#include "StartsWithGenerator.h"
#include "TemplateGenerator.h"
#include "TimeOfDaySummary.h"
#include "UrlGenerator.h"
#include "UuidGenerator.h"
#include "WordsGenerator.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <tuple>
#include <utility>

namespace {

constexpr qint64 MaxInteger = qint64(1) << 53;
constexpr int MaxTextLength = 1000000;

struct Scope
{
    const TableInfo &table;
    const QHash<QString, int> &index;
    const RecipeCompiler::ParentLoader &loadParents;
    const QJsonObject &columns;
    QHash<QString, QStringList> parentColumns; // parent columns used, by foreign key column
    QHash<QString, std::shared_ptr<ParentKeys>> parents; // per foreign key
};

WeightedPicker<QByteArray> textPicker(const GeneratorSpec &spec, const QString &key,
                                      const QJsonValue &list)
{
    QList<QPair<QByteArray, double>> items;
    for (const auto &[value, weight] : spec.weighted(list, key)) {
        if (!value.isString())
            spec.fail(key, QStringLiteral("values must be text"));
        items << qMakePair(value.toString().toUtf8(), weight);
    }
    return WeightedPicker<QByteArray>(items);
}

WeightedPicker<QByteArray> textPicker(const GeneratorSpec &spec, const QString &key)
{
    return textPicker(spec, key, spec.value(key));
}

WeightedPicker<int> countPicker(const GeneratorSpec &spec, const QString &key, int min, int max)
{
    QList<QPair<int, double>> items;
    for (const auto &[value, weight] : spec.weighted(key)) {
        const double count = value.toDouble(-1);
        if (!value.isDouble() || count != std::floor(count) || count < min || count > max)
            spec.fail(
                key,
                QStringLiteral("values must be whole numbers from %1 to %2").arg(min).arg(max));
        items << qMakePair(int(count), weight);
    }
    return WeightedPicker<int>(items);
}

WeightedPicker<GeneratedValue> valuePicker(const GeneratorSpec &spec, const QJsonValue &list,
                                           const QString &key, SqlAffinity::Kind affinity)
{
    QList<QPair<GeneratedValue, double>> items;
    for (const auto &[value, weight] : spec.weighted(list, key))
        items << qMakePair(RecipeValue::fromJson(value, affinity), weight);
    return WeightedPicker<GeneratedValue>(items);
}

// The column a choice or number is given (not its own) and its smoothing (0 by default).
std::pair<int, double> givenOf(const GeneratorSpec &spec, int self)
{
    const int given = spec.column(QStringLiteral("given"));
    if (given == self)
        spec.fail(QStringLiteral("given"), QStringLiteral("cannot name its own column"));
    return {given, spec.number(QStringLiteral("smoothing"), 0, 1e9, 0)};
}

// A choice, and what each value of its `given` column holds: a weighted list, or a choice of
// its own, nested at most MaxChoiceDepth deep.
std::unique_ptr<ChoiceGenerator> choice(const GeneratorSpec &spec, SqlAffinity::Kind affinity,
                                        int self, int depth)
{
    constexpr int MaxChoiceDepth = 4;
    const QString valuesKey = QStringLiteral("values");
    WeightedPicker<GeneratedValue> values =
        valuePicker(spec, spec.value(valuesKey), valuesKey, affinity);
    int given = -1;
    double smoothing = 0;
    QHash<QByteArray, std::shared_ptr<ChoiceGenerator>> byGiven;
    if (spec.has(QStringLiteral("given"))) {
        std::tie(given, smoothing) = givenOf(spec, self);
        const QJsonObject by = spec.object(QStringLiteral("by"));
        for (auto it = by.constBegin(); it != by.constEnd(); ++it) {
            const QString key = QStringLiteral("by.%1").arg(it.key());
            std::shared_ptr<ChoiceGenerator> inner;
            if (it.value().isObject()) {
                if (depth + 1 >= MaxChoiceDepth)
                    spec.fail(
                        key, QStringLiteral("nests choices more than %1 deep").arg(MaxChoiceDepth));
                const GeneratorSpec nested(it.value().toObject(),
                                           QStringLiteral("%1.%2").arg(spec.column(), key),
                                           spec.columnIndex());
                inner = choice(nested, affinity, self, depth + 1);
            } else {
                inner = std::make_shared<ChoiceGenerator>(
                    valuePicker(spec, it.value(), key, affinity), -1,
                    QHash<QByteArray, std::shared_ptr<ChoiceGenerator>>());
            }
            byGiven.insert(it.key().toUtf8(), std::move(inner));
        }
    }
    return std::make_unique<ChoiceGenerator>(std::move(values), given, std::move(byGiven),
                                             smoothing);
}

std::unique_ptr<NumericGenerator> numeric(const GeneratorSpec &spec, const ColumnInfo &column,
                                          bool dates)
{
    if (dates) {
        const QString format = spec.text(QStringLiteral("format"));
        if (!DateTimeGenerator::isUsableFormat(format))
            spec.fail(QStringLiteral("format"),
                      QStringLiteral("\"%1\" is not a date format that reads back (use Qt's "
                                     "yyyy, MM, dd, HH, mm, ss, zzz, as in yyyy-MM-dd HH:mm:ss)")
                          .arg(format));
        auto generator = std::make_unique<DateTimeGenerator>(
            QuantileSampler(spec.quantiles(QStringLiteral("quantiles"), true)), format);
        if (spec.has(QStringLiteral("granularity")) &&
            !generator->setGranularity(spec.text(QStringLiteral("granularity"))))
            spec.fail(QStringLiteral("granularity"),
                      QStringLiteral("must be one of: year, month, day, hour, minute"));
        generator->setWeekdaysOnly(spec.boolean(QStringLiteral("weekdays_only"), false));
        if (std::optional<TimeOfDaySampler> times = TimeOfDaySummary::read(spec))
            generator->setTimesOfDay(std::move(*times));
        return generator;
    }
    return std::make_unique<NumberGenerator>(
        QuantileSampler(spec.quantiles(QStringLiteral("quantiles"), false),
                        NumberSummary::atoms(spec)),
        int(spec.integer(QStringLiteral("decimals"), 0, 12, 0)), column.affinity);
}

// "copula": {"given": [{"column": c, "quantiles": [...], "weight": w}, ...], "noise": s}, when
// the entry has one (CopulaLink).
void linkIfAsked(const GeneratorSpec &spec, const QHash<QString, int> &index, int self,
                 NumericGenerator &generator)
{
    if (!spec.has(QStringLiteral("copula")))
        return;
    constexpr int MaxGiven = 8;
    const QString where = spec.column() + QStringLiteral(".copula");
    const GeneratorSpec copula(spec.object(QStringLiteral("copula")), where, index);
    const QJsonValue list = copula.value(QStringLiteral("given"));
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > MaxGiven)
        copula.fail(QStringLiteral("given"),
                    QStringLiteral("must be a list of 1 to %1 columns").arg(MaxGiven));
    std::vector<CopulaLink::Given> given;
    for (qsizetype i = 0; i < list.toArray().size(); ++i) {
        const QString itemWhere = QStringLiteral("%1.given[%2]").arg(where).arg(i);
        const QJsonValue item = list.toArray().at(i);
        if (!item.isObject())
            copula.fail(QStringLiteral("given[%1]").arg(i),
                        QStringLiteral("must be an object with column, quantiles and weight"));
        const GeneratorSpec entry(item.toObject(), itemWhere, index);
        CopulaLink::Given link;
        link.column = entry.column(QStringLiteral("column"));
        if (link.column == self)
            entry.fail(QStringLiteral("column"), QStringLiteral("cannot name its own column"));
        const QJsonArray quantiles = item.toObject().value(QLatin1String("quantiles")).toArray();
        link.ranks = QuantileSampler(entry.quantiles(
            QStringLiteral("quantiles"), !quantiles.isEmpty() && quantiles.first().isString()));
        link.weight = entry.number(QStringLiteral("weight"), -10, 10);
        given.push_back(std::move(link));
    }
    generator.setLink(CopulaLink(std::move(given), copula.number(QStringLiteral("noise"), 0, 1)));
}

// The parent keys of the foreign key `column` belongs to, loaded once per key.
std::shared_ptr<ParentKeys> parentsOf(const GeneratorSpec &spec, const QString &column,
                                      Scope &scope)
{
    const QList<ForeignKey> keys = scope.table.foreignKeysOf(column);
    if (keys.isEmpty())
        spec.fail(
            {},
            QStringLiteral("uses \"%1\" as a foreign key, but it references no table").arg(column));
    const ForeignKey &key = keys.first();
    std::shared_ptr<ParentKeys> &parents = scope.parents[RecipeCompiler::parentsId(key)];
    if (parents)
        return parents;
    const GeneratorSpec keySpec(scope.columns.value(key.columns.first()).toObject(),
                                key.columns.first(), scope.index);
    const QString pick = keySpec.text(QStringLiteral("parents"), QStringLiteral("like_existing"));
    if (pick != QLatin1String("like_existing") && pick != QLatin1String("uniform"))
        keySpec.fail(QStringLiteral("parents"), QStringLiteral("must be like_existing or uniform"));
    const QStringList attributes =
        key.columns.size() == 1 ? scope.parentColumns.value(key.columns.first()) : QStringList();
    parents = scope.loadParents
                  ? scope.loadParents(key, attributes, pick == QLatin1String("like_existing"))
                  : std::make_shared<ParentKeys>();
    parents->table = key.parentTable;
    parents->attributeNames = attributes;
    if (scope.loadParents && parents->keys.empty())
        throw RowforgeError(QStringLiteral("\"%1\" references \"%2\", which has no rows yet: add "
                                           "rows there first, so that new rows have parents to "
                                           "point to")
                                .arg(key.columns.first(), key.parentTable));
    return parents;
}

std::unique_ptr<ValueGenerator> foreignKey(const GeneratorSpec &spec, Scope &scope, int self)
{
    std::shared_ptr<ParentKeys> parents = parentsOf(spec, spec.column(), scope);
    const ForeignKey key = scope.table.foreignKeysOf(spec.column()).first();
    const int position = int(key.columns.indexOf(spec.column()));
    const int first = scope.index.value(key.columns.first(), self);
    return std::make_unique<ForeignKeyGenerator>(parents, position, first);
}

std::unique_ptr<ValueGenerator> create(const GeneratorSpec &spec, const ColumnInfo &column,
                                       Scope &scope, int self);

// A number or words with "given" and "by": each given value's entry ("rows" and what replaces
// the column's own parameters, as a tree's leaf does), blended with the column's own.
std::unique_ptr<ValueGenerator> givenEntries(const GeneratorSpec &spec, const ColumnInfo &column,
                                             Scope &scope, int self)
{
    const auto [given, smoothing] = givenOf(spec, self);
    QJsonObject base = spec.json();
    for (const char *key : {"given", "by", "smoothing"})
        base.remove(QLatin1String(key));
    QHash<QByteArray, GivenGenerator::Entry> byGiven;
    const QJsonObject by = spec.object(QStringLiteral("by"));
    for (auto it = by.constBegin(); it != by.constEnd(); ++it) {
        const QString key = QStringLiteral("by.%1").arg(it.key());
        if (!it.value().isObject())
            spec.fail(key, QStringLiteral("must be an object with \"rows\" and the parameters "
                                          "that replace the column's own"));
        QJsonObject merged = base;
        const QJsonObject entry = it.value().toObject();
        if (entry.contains(QLatin1String("by")))
            spec.fail(key + QStringLiteral(".by"),
                      QStringLiteral("is not allowed: an entry is not given another column in "
                                     "turn"));
        for (auto part = entry.constBegin(); part != entry.constEnd(); ++part)
            merged.insert(part.key(), part.value());
        const GeneratorSpec entrySpec(merged, QStringLiteral("%1.%2").arg(spec.column(), key),
                                      spec.columnIndex());
        const double rows = entrySpec.number(QStringLiteral("rows"), 1, 1e15);
        merged.remove(QStringLiteral("rows"));
        byGiven.insert(it.key().toUtf8(),
                       {create(GeneratorSpec(merged, entrySpec.column(), spec.columnIndex()),
                               column, scope, self),
                        rows});
    }
    return std::make_unique<GivenGenerator>(
        given, std::move(byGiven),
        create(GeneratorSpec(base, spec.column(), spec.columnIndex()), column, scope, self),
        smoothing);
}

// Text that begins with another column's value in a share of rows ("starts_with": {"column",
// "share", "tails"}); the entry without it makes the other rows.
std::unique_ptr<ValueGenerator> startsWith(const GeneratorSpec &spec, const ColumnInfo &column,
                                           Scope &scope, int self)
{
    const GeneratorSpec from(spec.object(QStringLiteral("starts_with")),
                             spec.column() + QStringLiteral(".starts_with"), spec.columnIndex());
    const int head = from.column(QStringLiteral("column"));
    if (head == self)
        from.fail(QStringLiteral("column"), QStringLiteral("cannot name its own column"));
    QJsonObject rest = spec.json();
    rest.remove(QStringLiteral("starts_with"));
    return std::make_unique<StartsWithGenerator>(
        head, from.number(QStringLiteral("share"), 0, 1), textPicker(from, QStringLiteral("tails")),
        create(GeneratorSpec(rest, spec.column(), spec.columnIndex()), column, scope, self));
}

std::unique_ptr<ValueGenerator> create(const GeneratorSpec &spec, const ColumnInfo &column,
                                       Scope &scope, int self)
{
    const QString name = spec.generator();
    if (spec.has(QStringLiteral("starts_with")))
        return startsWith(spec, column, scope, self);
    if ((name == QLatin1String("number") || name == QLatin1String("words") ||
         name == QLatin1String("template")) &&
        spec.has(QStringLiteral("by")))
        return givenEntries(spec, column, scope, self);
    if (name == QLatin1String("sequence"))
        return std::make_unique<SequenceGenerator>(
            spec.integer(QStringLiteral("start"), -MaxInteger, MaxInteger),
            spec.integer(QStringLiteral("step"), 1, 1000000, 1));
    if (name == QLatin1String("number") || name == QLatin1String("datetime")) {
        auto generator = numeric(spec, column, name == QLatin1String("datetime"));
        linkIfAsked(spec, scope.index, self, *generator);
        return generator;
    }
    if (name == QLatin1String("series")) {
        const QString format = spec.text(QStringLiteral("format"));
        if (!DateTimeGenerator::isUsableFormat(format))
            spec.fail(QStringLiteral("format"),
                      QStringLiteral("\"%1\" is not a date format that reads back").arg(format));
        double start = 0;
        if (!GeneratorSpec::parseIsoSeconds(spec.text(QStringLiteral("start")), &start))
            spec.fail(QStringLiteral("start"), QStringLiteral("must be an ISO 8601 date or time"));
        SeriesGenerator::Unit unit;
        if (!SeriesGenerator::unitFromName(spec.text(QStringLiteral("unit")), &unit))
            spec.fail(QStringLiteral("unit"), QStringLiteral("must be second, day or month"));
        return std::make_unique<SeriesGenerator>(
            start, spec.integer(QStringLiteral("step"), 1, 1000000000), unit, format);
    }
    if (name == QLatin1String("after")) {
        const int base = spec.column(QStringLiteral("column"));
        const std::vector<double> gaps = spec.quantiles(QStringLiteral("gaps"), false);
        if (gaps.front() < 0)
            spec.fail(QStringLiteral("gaps"), QStringLiteral("must not be negative"));
        auto after = std::make_unique<AfterGenerator>(
            base, QuantileSampler(gaps), numeric(spec, column, spec.has(QStringLiteral("format"))));
        if (spec.has(QStringLiteral("gap_step")))
            after->setStep(spec.number(QStringLiteral("gap_step"), 1e-3, 1e9));
        if (spec.has(QStringLiteral("parent_column"))) {
            const QString baseName = spec.text(QStringLiteral("column"));
            const QList<ForeignKey> keys = scope.table.foreignKeysOf(baseName);
            if (keys.isEmpty() || keys.first().columns.size() != 1)
                spec.fail(QStringLiteral("column"),
                          QStringLiteral("must name a one-column foreign key when parent_column "
                                         "is given"));
            std::shared_ptr<ParentKeys> parents = parentsOf(spec, baseName, scope);
            const int attribute =
                int(parents->attributeNames.indexOf(spec.text(QStringLiteral("parent_column"))));
            parents->attributeOrders(attribute,
                                     spec.text(QStringLiteral("parent_format"), QString()));
            after->followParent(parents, attribute);
        }
        return after;
    }
    if (name == QLatin1String("choice") && spec.has(QStringLiteral("plus"))) {
        const int base = spec.column(QStringLiteral("plus"));
        if (base == self)
            spec.fail(QStringLiteral("plus"), QStringLiteral("cannot name its own column"));
        if (spec.has(QStringLiteral("given")))
            spec.fail(QStringLiteral("plus"), QStringLiteral("cannot be used with given"));
        const QString offsetsKey = QStringLiteral("offsets");
        QList<QPair<double, double>> offsets;
        for (const auto &[value, weight] : spec.weighted(offsetsKey)) {
            const double offset = value.toDouble();
            if (!value.isDouble() || offset != std::floor(offset) ||
                std::fabs(offset) > OffsetGenerator::Largest)
                spec.fail(offsetsKey,
                          QStringLiteral("values must be whole numbers of at most 2^53"));
            offsets << qMakePair(offset, weight);
        }
        std::unique_ptr<ChoiceGenerator> own = choice(spec, column.affinity, self, 0);
        QSet<QByteArray> known;
        const bool real = column.affinity == SqlAffinity::Real;
        // The values an offset may land on: whole numbers an integer holds exactly.
        for (const auto &[value, weight] : spec.weighted(QStringLiteral("values"))) {
            const double number = value.toDouble();
            if (!value.isDouble() || number != std::floor(number) ||
                std::fabs(number) > OffsetGenerator::Largest)
                continue;
            GeneratedValue landing;
            if (real)
                landing.setReal(number);
            else
                landing.setInteger(qint64(number));
            known.insert(landing.key());
        }
        return std::make_unique<OffsetGenerator>(base, offsets, std::move(own), std::move(known),
                                                 real);
    }
    if (name == QLatin1String("choice"))
        return choice(spec, column.affinity, self, 0);
    if (name == QLatin1String("template")) {
        QList<QPair<TemplateGenerator::Pattern, double>> patterns;
        for (const auto &[value, weight] : spec.weighted(QStringLiteral("templates"))) {
            if (!value.isString() || value.toString().isEmpty())
                spec.fail(QStringLiteral("templates"), QStringLiteral("values must be text"));
            patterns << qMakePair(TemplateGenerator::compile(value.toString()), weight);
        }
        return std::make_unique<TemplateGenerator>(patterns);
    }
    if (name == QLatin1String("words")) {
        const QString poolsKey = QStringLiteral("pools");
        const QJsonArray pools = spec.value(poolsKey).toArray();
        if (pools.isEmpty())
            spec.fail(poolsKey, QStringLiteral("must be a non-empty list of word lists"));
        std::vector<WeightedPicker<QByteArray>> pickers;
        for (qsizetype i = 0; i < pools.size(); ++i) {
            const QString key = QStringLiteral("%1[%2]").arg(poolsKey, QString::number(i));
            QList<QPair<QByteArray, double>> words;
            for (const auto &[value, weight] : spec.weighted(pools[i], key)) {
                if (!value.isString())
                    spec.fail(key, QStringLiteral("values must be text"));
                words << qMakePair(value.toString().toUtf8(), weight);
            }
            pickers.emplace_back(words);
        }
        auto words = std::make_unique<WordsGenerator>(
            std::move(pickers), countPicker(spec, QStringLiteral("counts"), 1, 1000),
            spec.text(QStringLiteral("separator"), QStringLiteral(" ")).toUtf8(),
            int(spec.integer(QStringLiteral("max_length"), 0, MaxTextLength, 0)));
        if (spec.has(QStringLiteral("next"))) {
            const GeneratorSpec chain(spec.object(QStringLiteral("next")),
                                      spec.column() + QStringLiteral(".next"), spec.columnIndex());
            QHash<QByteArray, WeightedPicker<QByteArray>> next;
            const QJsonObject by = chain.object(QStringLiteral("by"));
            for (auto it = by.constBegin(); it != by.constEnd(); ++it)
                next.insert(it.key().toUtf8(),
                            textPicker(chain, QStringLiteral("by.%1").arg(it.key()), it.value()));
            words->setChain(std::move(next), chain.number(QStringLiteral("smoothing"), 0, 1e9, 0));
        }
        return words;
    }
    if (name == QLatin1String("email")) {
        auto email =
            std::make_unique<EmailGenerator>(textPicker(spec, QStringLiteral("tokens")),
                                             countPicker(spec, QStringLiteral("parts"), 1, 5),
                                             textPicker(spec, QStringLiteral("separators")),
                                             spec.number(QStringLiteral("digits_rate"), 0, 1, 0),
                                             textPicker(spec, QStringLiteral("domains")));
        email->setUnique(scope.table.hasUniqueKeyWithin({column.name}));
        if (spec.has(QStringLiteral("names"))) {
            const GeneratorSpec names(spec.object(QStringLiteral("names")),
                                      spec.column() + QStringLiteral(".names"), scope.index);
            EmailGenerator::Names from;
            from.first = names.column(QStringLiteral("first"));
            from.last = names.column(QStringLiteral("last"));
            from.share = names.number(QStringLiteral("share"), 0, 1);
            QList<QPair<QString, double>> patterns;
            for (const auto &[value, weight] : names.weighted(QStringLiteral("patterns"))) {
                if (!value.isString() || !value.toString().contains(u'{'))
                    names.fail(QStringLiteral("patterns"),
                               QStringLiteral("values must be text such as {first}.{last}"));
                patterns << qMakePair(value.toString(), weight);
            }
            from.patterns = WeightedPicker<QString>(patterns);
            email->setNames(std::move(from));
        }
        return email;
    }
    if (name == QLatin1String("url"))
        return std::make_unique<UrlGenerator>(
            textPicker(spec, QStringLiteral("prefixes")),
            spec.has(QStringLiteral("tokens")) ? textPicker(spec, QStringLiteral("tokens"))
                                               : WeightedPicker<QByteArray>(),
            spec.has(QStringLiteral("parts")) ? countPicker(spec, QStringLiteral("parts"), 0, 10)
                                              : WeightedPicker<int>({{0, 1.0}}));
    if (name == QLatin1String("uuid"))
        return std::make_unique<UuidGenerator>(spec.boolean(QStringLiteral("uppercase"), false));
    if (name == QLatin1String("ipv4"))
        return std::make_unique<Ipv4Generator>();
    if (name == QLatin1String("foreign_key"))
        return foreignKey(spec, scope, self);
    if (name == QLatin1String("bytes")) {
        const qint64 min = spec.integer(QStringLiteral("min_length"), 0, MaxTextLength, 0);
        return std::make_unique<BytesGenerator>(
            int(min), int(spec.integer(QStringLiteral("max_length"), min, MaxTextLength)));
    }
    if (name == QLatin1String("constant")) {
        return std::make_unique<ConstantGenerator>(
            RecipeValue::fromJson(spec.value(QStringLiteral("value")), column.affinity));
    }
    spec.fail(QStringLiteral("generator"),
              QStringLiteral("\"%1\" is not one of: %2")
                  .arg(name, RecipeCompiler::generatorNames().join(QStringLiteral(", "))));
}

} // namespace

QString RecipeCompiler::parentsId(const ForeignKey &key)
{
    return key.parentTable + u'(' + key.columns.join(u',') + u')';
}

QStringList RecipeCompiler::generatorNames()
{
    return {QStringLiteral("sequence"),    QStringLiteral("series"), QStringLiteral("number"),
            QStringLiteral("datetime"),    QStringLiteral("after"),  QStringLiteral("choice"),
            QStringLiteral("template"),    QStringLiteral("words"),  QStringLiteral("email"),
            QStringLiteral("url"),         QStringLiteral("uuid"),   QStringLiteral("ipv4"),
            QStringLiteral("foreign_key"), QStringLiteral("bytes"),  QStringLiteral("constant")};
}

QStringList RecipeCompiler::generatedColumns(const TableInfo &table)
{
    QStringList names;
    for (const ColumnInfo &column : table.columns) {
        if (!column.isFilledBySqlite())
            names << column.name;
    }
    return names;
}

CompiledRecipe RecipeCompiler::compile(const QJsonObject &recipe, const TableInfo &table,
                                       const ParentLoader &loadParents)
{
    const QString format = recipe.value(QLatin1String("format")).toString();
    if (format != QLatin1String(Format))
        throw RowforgeError(QStringLiteral("Recipe: format must be \"%1\" (it is \"%2\")")
                                .arg(QLatin1String(Format), format));
    const QJsonValue columnsValue = recipe.value(QLatin1String("columns"));
    if (!columnsValue.isObject())
        throw RowforgeError(QStringLiteral("Recipe: columns must be an object with one entry per "
                                           "column"));
    const QJsonObject columns = columnsValue.toObject();
    const QStringList names = generatedColumns(table);
    QHash<QString, int> index;
    for (int i = 0; i < names.size(); ++i)
        index.insert(names[i], i);
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        const ColumnInfo *column = table.column(it.key());
        if (!column)
            throw RowforgeError(QStringLiteral("Recipe: columns.%1 is not a column of \"%2\"")
                                    .arg(it.key(), table.name));
        if (column->isFilledBySqlite())
            throw RowforgeError(
                QStringLiteral("Recipe: columns.%1 is filled by SQLite itself; leave it out")
                    .arg(it.key()));
    }

    const QJsonValue rules = recipe.value(QLatin1String("rules"));
    if (!rules.isUndefined() && !rules.isArray())
        throw RowforgeError(QStringLiteral("Recipe: rules must be a list"));
    CompiledRecipe compiled;
    Scope scope{table, index, loadParents, columns, RuleSet::parentColumns(rules.toArray()), {}};
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const QString parentColumn = entry.value(QLatin1String("parent_column")).toString();
        if (parentColumn.isEmpty())
            continue;
        QStringList &list = scope.parentColumns[entry.value(QLatin1String("column")).toString()];
        if (!list.contains(parentColumn))
            list << parentColumn;
    }
    for (int i = 0; i < names.size(); ++i) {
        const ColumnInfo &column = *table.column(names[i]);
        if (!columns.contains(names[i]))
            throw RowforgeError(
                QStringLiteral("Recipe: columns.%1 is missing (every column SQLite does not fill "
                               "itself needs a generator)")
                    .arg(names[i]));
        if (!columns.value(names[i]).isObject())
            throw RowforgeError(QStringLiteral("Recipe: columns.%1 must be an object with a "
                                               "\"generator\"")
                                    .arg(names[i]));
        const GeneratorSpec spec(columns.value(names[i]).toObject(), names[i], index);
        CompiledRecipe::Column entry;
        entry.name = names[i];
        entry.nullRate = spec.number(QStringLiteral("null_rate"), 0, 1, 0);
        if (entry.nullRate > 0 && column.notNull)
            spec.fail(QStringLiteral("null_rate"),
                      QStringLiteral("must be 0: the column is NOT NULL"));
        if (!table.foreignKeysOf(names[i]).isEmpty() &&
            spec.generator() != QLatin1String("foreign_key"))
            spec.fail(QStringLiteral("generator"),
                      QStringLiteral("must be foreign_key: the column references \"%1\"")
                          .arg(table.foreignKeysOf(names[i]).first().parentTable));
        if (spec.has(QStringLiteral("tree"))) {
            if (spec.generator() == QLatin1String("foreign_key") ||
                spec.generator() == QLatin1String("sequence") ||
                spec.generator() == QLatin1String("series"))
                spec.fail(
                    QStringLiteral("tree"),
                    QStringLiteral("cannot be used with the %1 generator").arg(spec.generator()));
            const ConditionalGenerator::Scope treeScope{
                names[i], index, [&](int c) { return table.column(names[c])->affinity; },
                [&](const QJsonObject &leaf, const QString &where) {
                    return create(GeneratorSpec(leaf, where, index), column, scope, i);
                },
                column.notNull};
            entry.generator =
                ConditionalGenerator::build(columns.value(names[i]).toObject(), treeScope);
            entry.nullRate = 0; // each leaf has its own
        } else {
            entry.generator = create(spec, column, scope, i);
        }
        compiled.columns.push_back(std::move(entry));
    }

    compiled.rules = RuleSet::compile(
        rules.toArray(), index, [&](int c) { return table.column(names[c])->affinity; },
        [&](int c) -> std::shared_ptr<ParentKeys> {
            const QList<ForeignKey> keys = table.foreignKeysOf(names[c]);
            if (keys.isEmpty() || keys.first().columns.size() != 1)
                return nullptr;
            return scope.parents.value(parentsId(keys.first()));
        });

    // Dependencies first; a cycle is an error.
    std::vector<int> state(compiled.columns.size(), 0); // 0 new, 1 visiting, 2 placed
    std::function<void(int)> place = [&](int i) {
        if (state[size_t(i)] == 2)
            return;
        if (state[size_t(i)] == 1)
            throw RowforgeError(QStringLiteral("Recipe: columns.%1 depends on itself through "
                                               "other columns")
                                    .arg(compiled.columns[size_t(i)].name));
        state[size_t(i)] = 1;
        for (const int dependency : compiled.columns[size_t(i)].generator->dependencies()) {
            if (dependency != i)
                place(dependency);
        }
        state[size_t(i)] = 2;
        compiled.order.push_back(i);
    };
    for (int i = 0; i < int(compiled.columns.size()); ++i)
        place(i);
    return compiled;
}
