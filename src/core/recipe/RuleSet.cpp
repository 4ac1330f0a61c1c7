#include "RuleSet.h"

#include "RecipeValue.h"
#include "RuleReader.h"
#include "util/DateTimeFormats.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QJsonObject>
#include <cmath>

namespace {

QString joined(const QJsonArray &values)
{
    QStringList parts;
    for (const QJsonValue &value : values)
        parts << (value.isNull()     ? QStringLiteral("NULL")
                  : value.isDouble() ? QString::number(value.toDouble())
                                     : value.toString());
    if (parts.size() > 4)
        parts = parts.mid(0, 3) << QStringLiteral("… %1 more").arg(parts.size() - 3);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QHash<QString, QStringList> RuleSet::parentColumns(const QJsonArray &rules)
{
    QHash<QString, QStringList> columns;
    for (const QJsonValue &value : rules) {
        const QJsonObject rule = value.toObject();
        const QString name = rule.value(QLatin1String("rule")).toString();
        if (name != QLatin1String("after_parent") && name != QLatin1String("before_parent"))
            continue;
        QStringList &list = columns[rule.value(QLatin1String("foreign_key")).toString()];
        const QString column = rule.value(QLatin1String("parent_column")).toString();
        if (!column.isEmpty() && !list.contains(column))
            list << column;
    }
    return columns;
}

RuleSet RuleSet::compile(const QJsonArray &rules, const QHash<QString, int> &index,
                         const AffinityOf &affinity, const ParentsOf &parentsOf)
{
    RuleSet set;
    QStringList names(index.size());
    for (auto it = index.constBegin(); it != index.constEnd(); ++it)
        names[it.value()] = it.key();
    for (int i = 0; i < rules.size(); ++i) {
        if (!rules[i].isObject())
            throw RowforgeError(QStringLiteral("Recipe: rules[%1] must be an object").arg(i));
        const QJsonObject json = rules[i].toObject();
        const RuleReader read(json, i, index);
        Rule rule;
        rule.name = read.text(QStringLiteral("rule"));
        if (rule.name == QLatin1String("order")) {
            rule.kind = Kind::Order;
            std::tie(rule.a, rule.b) = read.pair(QStringLiteral("columns"));
            if (json.contains(QLatin1String("format")))
                rule.format = read.format(QStringLiteral("format"));
            rule.format2 = json.contains(QLatin1String("format2"))
                               ? read.format(QStringLiteral("format2"))
                               : rule.format;
            rule.text = QStringLiteral("%1 ≤ %2").arg(names[rule.a], names[rule.b]);
        } else if (rule.name == QLatin1String("differs")) {
            rule.kind = Kind::Differs;
            std::tie(rule.a, rule.b) = read.pair(QStringLiteral("columns"));
            rule.text = QStringLiteral("%1 ≠ %2").arg(names[rule.a], names[rule.b]);
        } else if (rule.name == QLatin1String("per")) {
            rule.kind = Kind::Per;
            rule.a = read.column(QStringLiteral("column"));
            rule.b = read.column(QStringLiteral("per"));
            if (rule.a == rule.b)
                read.fail(QStringLiteral("per"), QStringLiteral("cannot name the column itself"));
            rule.low = read.number(QStringLiteral("min"));
            rule.high = read.number(QStringLiteral("max"));
            if (rule.low > rule.high)
                read.fail(QStringLiteral("max"), QStringLiteral("must not be below min"));
            rule.decimals = std::clamp(json.value(QLatin1String("decimals")).toInt(0), 0, 12);
            rule.text = QStringLiteral("%1 per %2 from %3 to %4")
                            .arg(names[rule.a], names[rule.b], QString::number(rule.low),
                                 QString::number(rule.high));
        } else if (rule.name == QLatin1String("determines") &&
                   json.contains(QLatin1String("columns"))) {
            rule.kind = Kind::PairDetermines;
            std::tie(rule.a, rule.b) = read.pair(QStringLiteral("columns"));
            rule.target = read.column(QStringLiteral("then"));
            if (rule.target == rule.a || rule.target == rule.b)
                read.fail(QStringLiteral("then"),
                          QStringLiteral("cannot name one of the columns that determine it"));
            const QJsonArray map = read.array(QStringLiteral("map"));
            for (qsizetype e = 0; e < map.size(); ++e) {
                const QJsonArray entry = map[e].toArray();
                const QJsonArray key = entry.size() == 2 ? entry[0].toArray() : QJsonArray();
                if (key.size() != 2)
                    read.fail(QStringLiteral("map[%1]").arg(e),
                              QStringLiteral("must be [[a's value, b's value], the value]"));
                rule.map.insert(pairKey(RecipeValue::fromJson(key[0], affinity(rule.a)),
                                        RecipeValue::fromJson(key[1], affinity(rule.b))),
                                RecipeValue::fromJson(entry[1], affinity(rule.target)));
            }
            rule.text =
                QStringLiteral("%1, %2 → %3").arg(names[rule.a], names[rule.b], names[rule.target]);
        } else if (rule.name == QLatin1String("determines")) {
            rule.kind = Kind::Determines;
            rule.a = read.column(QStringLiteral("column"));
            rule.b = read.column(QStringLiteral("then"));
            const QJsonObject map = read.object(QStringLiteral("map"));
            for (auto it = map.constBegin(); it != map.constEnd(); ++it)
                rule.map.insert(RecipeValue::fromJson(QJsonValue(it.key()), affinity(rule.a)).key(),
                                RecipeValue::fromJson(it.value(), affinity(rule.b)));
            rule.text = QStringLiteral("%1 → %2").arg(names[rule.a], names[rule.b]);
        } else if (rule.name == QLatin1String("null_if") ||
                   rule.name == QLatin1String("not_null_if")) {
            const bool isNull = rule.name == QLatin1String("null_if");
            rule.kind = isNull ? Kind::NullIf : Kind::NotNullIf;
            rule.b = read.column(QStringLiteral("column"));
            rule.a = read.column(QStringLiteral("when"));
            const QJsonArray values = read.array(QStringLiteral("in"));
            for (const QJsonValue &value : values)
                rule.keys.insert(RecipeValue::fromJson(value, affinity(rule.a)).key());
            rule.text = QStringLiteral("%1 in (%2) ⇒ %3 IS %4NULL")
                            .arg(names[rule.a], joined(values), names[rule.b],
                                 isNull ? QString() : QStringLiteral("NOT "));
        } else if (rule.name == QLatin1String("prefix")) {
            rule.kind = Kind::Prefix;
            rule.target = rule.b = read.column(QStringLiteral("column"));
            rule.a = read.column(QStringLiteral("given"));
            rule.words = std::max(1, json.value(QLatin1String("words")).toInt(1));
            const QJsonObject map = read.object(QStringLiteral("map"));
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
                if (!it.value().isString())
                    read.fail(QStringLiteral("map.") + it.key(), QStringLiteral("must be text"));
                rule.prefixes.insert(
                    RecipeValue::fromJson(QJsonValue(it.key()), affinity(rule.a)).key(),
                    it.value().toString().toUtf8());
            }
            rule.text =
                QStringLiteral("%1 starts with its %2's prefix").arg(names[rule.b], names[rule.a]);
        } else if (rule.name == QLatin1String("sum") || rule.name == QLatin1String("difference") ||
                   rule.name == QLatin1String("product")) {
            rule.kind = rule.name == QLatin1String("sum")          ? Kind::Sum
                        : rule.name == QLatin1String("difference") ? Kind::Difference
                                                                   : Kind::Product;
            rule.target = read.column(QStringLiteral("column"));
            std::tie(rule.a, rule.b) = read.pair(QStringLiteral("of"));
            if (rule.target == rule.a || rule.target == rule.b)
                read.fail(QStringLiteral("of"), QStringLiteral("cannot name the column itself"));
            rule.decimals = std::clamp(json.value(QLatin1String("decimals")).toInt(0), 0, 12);
            const char *op = rule.kind == Kind::Sum          ? "+"
                             : rule.kind == Kind::Difference ? "−"
                                                             : "×";
            rule.text =
                QStringLiteral("%1 = %2 %3 %4")
                    .arg(names[rule.target], names[rule.a], QLatin1String(op), names[rule.b]);
        } else if (rule.name == QLatin1String("parses") ||
                   rule.name == QLatin1String("granularity") ||
                   rule.name == QLatin1String("weekdays")) {
            rule.target = read.column(QStringLiteral("column"));
            rule.format = read.format(QStringLiteral("format"));
            if (rule.name == QLatin1String("parses")) {
                rule.kind = Kind::Parses;
                rule.text =
                    QStringLiteral("%1 is a date in %2").arg(names[rule.target], rule.format);
            } else if (rule.name == QLatin1String("weekdays")) {
                rule.kind = Kind::Weekdays;
                rule.text = QStringLiteral("%1 falls on weekdays").arg(names[rule.target]);
            } else {
                rule.kind = Kind::Granularity;
                const QString unit = read.text(QStringLiteral("unit"));
                const QStringList units{QStringLiteral("year"), QStringLiteral("month"),
                                        QStringLiteral("day"), QStringLiteral("hour"),
                                        QStringLiteral("minute")};
                if (!units.contains(unit))
                    read.fail(QStringLiteral("unit"),
                              QStringLiteral("must be one of: %1").arg(units.join(u',')));
                rule.unit = Unit(units.indexOf(unit));
                rule.text = QStringLiteral("%1 on whole %2s").arg(names[rule.target], unit);
            }
        } else if (rule.name == QLatin1String("after_parent") ||
                   rule.name == QLatin1String("before_parent")) {
            rule.kind = Kind::ParentOrder;
            rule.after = rule.name == QLatin1String("after_parent");
            rule.target = rule.b = read.column(QStringLiteral("column"));
            rule.a = read.column(QStringLiteral("foreign_key"));
            const QString parentColumn = read.text(QStringLiteral("parent_column"));
            if (json.contains(QLatin1String("format")))
                rule.format = read.format(QStringLiteral("format"));
            if (json.contains(QLatin1String("parent_format")))
                rule.format2 = read.format(QStringLiteral("parent_format"));
            if (parentsOf) {
                rule.parents = parentsOf(rule.a);
                if (!rule.parents)
                    read.fail(QStringLiteral("foreign_key"),
                              QStringLiteral("names \"%1\", which is not a one-column foreign "
                                             "key")
                                  .arg(names[rule.a]));
                rule.attribute = int(rule.parents->attributeNames.indexOf(parentColumn));
                // Read once here, not in every row checked.
                rule.parents->attributeOrders(rule.attribute, rule.format2);
            }
            rule.text =
                QStringLiteral("%1 %2 %3.%4 (by %5)")
                    .arg(names[rule.b], rule.after ? QStringLiteral("≥") : QStringLiteral("≤"),
                         rule.parents ? rule.parents->table : QStringLiteral("parent"),
                         parentColumn, names[rule.a]);
        } else {
            read.fail(QStringLiteral("rule"),
                      QStringLiteral("\"%1\" is not one of: order, differs, per, determines, "
                                     "null_if, not_null_if, prefix, sum, difference, product, "
                                     "parses, granularity, weekdays, after_parent, "
                                     "before_parent")
                          .arg(rule.name));
        }
        set.m_rules.push_back(std::move(rule));
    }
    set.orderDerivations();
    return set;
}

// A column is written by one rule at most, never from itself through other rules, and after
// the columns it is computed from: nonfarm = private + government and private = nonfarm -
// government cannot both write. The rules left out are still checked; they hold anyway when
// the data's arithmetic is consistent.
void RuleSet::orderDerivations()
{
    QHash<int, int> writer; // column -> rule that writes it
    auto inputsOf = [this](int rule) {
        const Rule &r = m_rules[size_t(rule)];
        return r.kind == Kind::Prefix ? std::vector<int>{r.a} : std::vector<int>{r.a, r.b};
    };
    std::function<bool(int, int, int)> reaches = [&](int from, int target, int depth) {
        if (from == target)
            return true;
        const auto it = writer.constFind(from);
        if (it == writer.constEnd() || depth > 64)
            return false;
        for (const int input : inputsOf(it.value())) {
            if (reaches(input, target, depth + 1))
                return true;
        }
        return false;
    };
    for (int i = 0; i < int(m_rules.size()); ++i) {
        const Rule &rule = m_rules[size_t(i)];
        const bool derives = rule.kind == Kind::Prefix || rule.kind == Kind::Sum ||
                             rule.kind == Kind::Difference || rule.kind == Kind::Product ||
                             rule.kind == Kind::PairDetermines;
        if (!derives || writer.contains(rule.target))
            continue;
        const std::vector<int> inputs = inputsOf(i);
        if (std::any_of(inputs.begin(), inputs.end(),
                        [&](int input) { return reaches(input, rule.target, 0); }))
            continue;
        writer.insert(rule.target, i);
    }
    std::vector<int> state(m_rules.size(), 0);
    std::function<void(int)> place = [&](int rule) {
        if (state[size_t(rule)])
            return;
        state[size_t(rule)] = 1;
        for (const int input : inputsOf(rule)) {
            const auto it = writer.constFind(input);
            if (it != writer.constEnd())
                place(it.value());
        }
        m_derive.push_back(rule);
    };
    for (auto it = writer.constBegin(); it != writer.constEnd(); ++it)
        place(it.value());
}

bool RuleSet::number(const GeneratedValue &value, const QString &format, double *out) const
{
    switch (value.type) {
    case GeneratedValue::Integer:
        *out = double(value.integer);
        return format.isEmpty();
    case GeneratedValue::Real:
        *out = value.real;
        return format.isEmpty();
    case GeneratedValue::Text: {
        if (format.isEmpty()) {
            bool ok = false;
            *out = value.bytes.toDouble(&ok);
            return ok;
        }
        return DateTimeFormats::parseUtf8(value.bytes, format, out);
    }
    default:
        return false;
    }
}

bool RuleSet::holds(int index, const std::vector<GeneratedValue> &row) const
{
    const Rule &rule = m_rules[size_t(index)];
    auto isNull = [&row](int c) { return row[size_t(c)].type == GeneratedValue::Null; };
    switch (rule.kind) {
    case Kind::Order: {
        double x = 0, y = 0;
        if (isNull(rule.a) || isNull(rule.b) || !number(row[size_t(rule.a)], rule.format, &x) ||
            !number(row[size_t(rule.b)], rule.format2, &y))
            return true;
        return x <= y;
    }
    case Kind::ParentOrder: {
        const GeneratedValue *parent = parentValue(rule, row);
        double x = 0, y = 0;
        if (!parent || isNull(rule.b) || !number(row[size_t(rule.b)], rule.format, &x))
            return true;
        if (parent->type == GeneratedValue::Text)
            y = parent->order; // read when the parents were loaded (attributeOrders)
        else if (!number(*parent, rule.format2, &y))
            return true;
        return rule.after ? x >= y : x <= y;
    }
    case Kind::Per: {
        double x = 0, y = 0;
        if (isNull(rule.a) || isNull(rule.b) || !number(row[size_t(rule.a)], {}, &x) ||
            !number(row[size_t(rule.b)], {}, &y) || !(y > 0))
            return true;
        // A value rounded to its decimals may land a hair outside the bounds it was put in.
        const double slack = 0.5 * std::pow(10.0, -rule.decimals) + 1e-9 * std::fabs(x);
        return x >= rule.low * y - slack && x <= rule.high * y + slack;
    }
    case Kind::Differs: {
        if (isNull(rule.a) || isNull(rule.b))
            return true;
        const GeneratedValue &x = row[size_t(rule.a)], &y = row[size_t(rule.b)];
        const auto numeric = [](const GeneratedValue &v) {
            return v.type == GeneratedValue::Integer || v.type == GeneratedValue::Real;
        };
        return numeric(x) && numeric(y) ? x.order != y.order : x.key() != y.key();
    }
    case Kind::Determines:
    case Kind::PairDetermines: {
        const GeneratedValue *it = mapped(rule, row);
        if (!it)
            return true;
        const int then = rule.kind == Kind::Determines ? rule.b : rule.target;
        if (it->type == GeneratedValue::Null || isNull(then))
            return it->type == row[size_t(then)].type;
        const GeneratedValue &value = row[size_t(then)];
        if ((it->type == GeneratedValue::Integer || it->type == GeneratedValue::Real) &&
            (value.type == GeneratedValue::Integer || value.type == GeneratedValue::Real))
            return it->order == value.order;
        return it->key() == value.key();
    }
    case Kind::NullIf:
        return isNull(rule.a) || !rule.keys.contains(row[size_t(rule.a)].key()) || isNull(rule.b);
    case Kind::NotNullIf:
        return isNull(rule.a) || !rule.keys.contains(row[size_t(rule.a)].key()) || !isNull(rule.b);
    case Kind::Prefix: {
        if (isNull(rule.a) || isNull(rule.b))
            return true;
        const auto it = rule.prefixes.constFind(row[size_t(rule.a)].key());
        if (it == rule.prefixes.constEnd())
            return true;
        const QByteArray &text = row[size_t(rule.b)].bytes;
        return text.startsWith(*it) && (text.size() == it->size() || text[it->size()] == ' ');
    }
    case Kind::Sum:
    case Kind::Difference:
    case Kind::Product: {
        double x = 0, y = 0, z = 0;
        if (isNull(rule.a) || isNull(rule.b) || isNull(rule.target) ||
            !number(row[size_t(rule.a)], {}, &x) || !number(row[size_t(rule.b)], {}, &y) ||
            !number(row[size_t(rule.target)], {}, &z))
            return true;
        const double expected = rule.kind == Kind::Sum          ? x + y
                                : rule.kind == Kind::Difference ? x - y
                                                                : x * y;
        return std::fabs(expected - z) <=
               0.5 * std::pow(10.0, -rule.decimals) + 1e-9 * (1 + std::fabs(expected));
    }
    case Kind::Parses:
    case Kind::Granularity:
    case Kind::Weekdays: {
        if (isNull(rule.target))
            return true;
        double seconds = 0;
        if (!number(row[size_t(rule.target)], rule.format, &seconds))
            return false;
        if (rule.kind == Kind::Parses)
            return true;
        const QDateTime moment =
            QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC);
        if (rule.kind == Kind::Weekdays)
            return moment.date().dayOfWeek() <= 5;
        const QTime time = moment.time();
        const bool minute = time.second() == 0 && time.msec() == 0;
        const bool hour = minute && time.minute() == 0;
        const bool day = hour && time.hour() == 0;
        const bool month = day && moment.date().day() == 1;
        switch (rule.unit) {
        case Unit::Year:
            return month && moment.date().month() == 1;
        case Unit::Month:
            return month;
        case Unit::Day:
            return day;
        case Unit::Hour:
            return hour;
        case Unit::Minute:
            return minute;
        }
        return true;
    }
    }
    return true;
}

int RuleSet::firstBroken(const std::vector<GeneratedValue> &row) const
{
    for (int i = 0; i < int(m_rules.size()); ++i) {
        if (!holds(i, row))
            return i;
    }
    return -1;
}

void RuleSet::derive(std::vector<GeneratedValue> &row) const
{
    for (const int index : m_derive) {
        const Rule &rule = m_rules[size_t(index)];
        GeneratedValue &out = row[size_t(rule.target)];
        if (rule.kind == Kind::PairDetermines) {
            // An unseen pair keeps the value drawn for it.
            if (const GeneratedValue *value = mapped(rule, row))
                out = *value;
        } else if (rule.kind == Kind::Prefix) {
            if (out.type != GeneratedValue::Text ||
                row[size_t(rule.a)].type == GeneratedValue::Null)
                continue;
            const auto it = rule.prefixes.constFind(row[size_t(rule.a)].key());
            if (it == rule.prefixes.constEnd())
                continue;
            // The generated value keeps its own ending: its words after the prefix's.
            const QList<QByteArray> words = out.bytes.split(' ');
            QByteArray text = *it;
            for (qsizetype w = std::min<qsizetype>(rule.words, words.size() - 1); w < words.size();
                 ++w)
                text += ' ' + words[w];
            out.setText(text);
        } else if (rule.kind == Kind::Sum || rule.kind == Kind::Difference ||
                   rule.kind == Kind::Product) {
            double x = 0, y = 0;
            if (out.type == GeneratedValue::Null || !number(row[size_t(rule.a)], {}, &x) ||
                !number(row[size_t(rule.b)], {}, &y) ||
                row[size_t(rule.a)].type == GeneratedValue::Null ||
                row[size_t(rule.b)].type == GeneratedValue::Null)
                continue;
            setNumber(out,
                      rule.kind == Kind::Sum          ? x + y
                      : rule.kind == Kind::Difference ? x - y
                                                      : x * y,
                      rule.decimals);
        }
    }
}

void RuleSet::setNumber(GeneratedValue &out, double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    if (out.type == GeneratedValue::Integer && decimals == 0)
        out.setInteger(qint64(rounded));
    else if (out.type == GeneratedValue::Text)
        out.setText(RecipeValue::numberText(rounded));
    else
        out.setReal(rounded);
}

bool RuleSet::repair(int index, std::vector<GeneratedValue> &row) const
{
    const Rule &rule = m_rules[size_t(index)];
    switch (rule.kind) {
    case Kind::Order:
        if (rule.format == rule.format2) {
            std::swap(row[size_t(rule.a)], row[size_t(rule.b)]);
            return holds(index, row);
        }
        return false;
    case Kind::Determines:
    case Kind::PairDetermines: {
        const GeneratedValue *it = mapped(rule, row);
        if (!it)
            return false;
        row[size_t(rule.kind == Kind::Determines ? rule.b : rule.target)] = *it;
        return true;
    }
    case Kind::NullIf:
        row[size_t(rule.b)].setNull();
        return true;
    case Kind::Per: {
        // The nearest amount within the range for the row's count, at the column's decimals.
        double x = 0, y = 0;
        if (!number(row[size_t(rule.a)], {}, &x) || !number(row[size_t(rule.b)], {}, &y))
            return false;
        const double scale = std::pow(10.0, rule.decimals);
        const double low = std::ceil(rule.low * y * scale) / scale;
        const double high = std::floor(rule.high * y * scale) / scale;
        if (low > high)
            return false;
        setNumber(row[size_t(rule.a)], std::clamp(x, low, high), rule.decimals);
        return holds(index, row);
    }
    case Kind::ParentOrder: {
        // The parent's value itself, in this column's form: the closest value that keeps it.
        const GeneratedValue *parent = parentValue(rule, row);
        double y = parent ? parent->order : 0;
        if (!parent || (parent->type != GeneratedValue::Text && !number(*parent, rule.format2, &y)))
            return false;
        GeneratedValue &out = row[size_t(rule.b)];
        if (!rule.format.isEmpty())
            out.setText(QDateTime::fromMSecsSinceEpoch(qint64(std::llround(y * 1000)), Qt::UTC)
                            .toString(rule.format)
                            .toUtf8());
        else if (out.type == GeneratedValue::Integer)
            out.setInteger(qint64(rule.after ? std::ceil(y) : std::floor(y)));
        else
            out.setReal(y);
        return holds(index, row);
    }
    default:
        return false;
    }
}

QByteArray RuleSet::pairKey(const GeneratedValue &a, const GeneratedValue &b)
{
    // The unit separator cannot end a number's key; a text holding it is only ever compared
    // with keys built the same way.
    return a.key() + '\x1f' + b.key();
}

const GeneratedValue *RuleSet::mapped(const Rule &rule, const std::vector<GeneratedValue> &row)
{
    const GeneratedValue &a = row[size_t(rule.a)];
    if (a.type == GeneratedValue::Null)
        return nullptr;
    QHash<QByteArray, GeneratedValue>::const_iterator it;
    if (rule.kind == Kind::PairDetermines) {
        const GeneratedValue &b = row[size_t(rule.b)];
        if (b.type == GeneratedValue::Null)
            return nullptr;
        it = rule.map.constFind(pairKey(a, b));
    } else {
        it = rule.map.constFind(a.key());
    }
    return it == rule.map.constEnd() ? nullptr : &it.value();
}

const GeneratedValue *RuleSet::parentValue(const Rule &rule, const std::vector<GeneratedValue> &row)
{
    if (!rule.parents || rule.attribute < 0 || row[size_t(rule.a)].type == GeneratedValue::Null)
        return nullptr;
    const GeneratedValue *value = rule.parents->attribute(row[size_t(rule.a)], rule.attribute);
    return value && value->type != GeneratedValue::Null ? value : nullptr;
}

QString RuleSet::describe(int rule) const
{
    return m_rules[size_t(rule)].text;
}

QString RuleSet::kind(int rule) const
{
    return m_rules[size_t(rule)].name;
}

QHash<int, std::vector<int>> RuleSet::derivedFrom() const
{
    QHash<int, std::vector<int>> result;
    for (const int index : m_derive) {
        const Rule &rule = m_rules[size_t(index)];
        if (rule.kind == Kind::Prefix)
            result[rule.target].push_back(rule.a);
        else
            result[rule.target] = {rule.a, rule.b};
    }
    return result;
}
