#include "SchemaOnlyRecipe.h"

#include "RecipeCompiler.h"

#include <QJsonArray>

namespace {

QJsonArray list(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values)
        array << QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("weight"), 1}};
    return array;
}

QJsonArray counts(std::initializer_list<std::pair<int, int>> items)
{
    QJsonArray array;
    for (const auto &[value, weight] : items)
        array << QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("weight"), weight}};
    return array;
}

const QStringList &firstNames()
{
    static const QStringList names{
        QStringLiteral("Ada"),    QStringLiteral("Alan"),  QStringLiteral("Grace"),
        QStringLiteral("Linus"),  QStringLiteral("Maria"), QStringLiteral("Noah"),
        QStringLiteral("Olivia"), QStringLiteral("Priya"), QStringLiteral("Sofia"),
        QStringLiteral("Wei"),    QStringLiteral("Yusuf"), QStringLiteral("Zoe")};
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names{
        QStringLiteral("Garcia"),   QStringLiteral("Hopper"),   QStringLiteral("Khan"),
        QStringLiteral("Kim"),      QStringLiteral("Lovelace"), QStringLiteral("Müller"),
        QStringLiteral("Nakamura"), QStringLiteral("Okafor"),   QStringLiteral("Rossi"),
        QStringLiteral("Silva"),    QStringLiteral("Smith"),    QStringLiteral("Turing")};
    return names;
}

const QStringList &loremWords()
{
    static const QStringList words{
        QStringLiteral("alpha"),   QStringLiteral("bright"),  QStringLiteral("cedar"),
        QStringLiteral("delta"),   QStringLiteral("ember"),   QStringLiteral("field"),
        QStringLiteral("granite"), QStringLiteral("harbor"),  QStringLiteral("indigo"),
        QStringLiteral("juniper"), QStringLiteral("kestrel"), QStringLiteral("lumen")};
    return words;
}

QJsonObject entry(const QString &generator)
{
    return QJsonObject{{QStringLiteral("generator"), generator}};
}

} // namespace

QJsonObject SchemaOnlyRecipe::column(const ColumnInfo &column)
{
    const QString name = column.name.toLower();
    auto has = [&name](const char *word) { return name.contains(QLatin1String(word)); };
    if (column.affinity == SqlAffinity::Blob && !column.declaredType.isEmpty()) {
        QJsonObject spec = entry(QStringLiteral("bytes"));
        spec.insert(QStringLiteral("min_length"), 8);
        spec.insert(QStringLiteral("max_length"), 32);
        return spec;
    }
    // Before numbers: DATE and DATETIME columns have NUMERIC affinity.
    const QString type = column.declaredType.toLower();
    if (type.contains(QLatin1String("date")) || type.contains(QLatin1String("time")) ||
        has("date") || has("time") || name.endsWith(QLatin1String("_at")) ||
        name.endsWith(QLatin1String("_on")) || name == QLatin1String("born")) {
        QJsonObject spec = entry(QStringLiteral("datetime"));
        const bool dateOnly =
            (type == QLatin1String("date") || has("date") || name.endsWith(QLatin1String("_on")) ||
             name == QLatin1String("born")) &&
            !type.contains(QLatin1String("time"));
        spec.insert(QStringLiteral("format"), dateOnly ? QStringLiteral("yyyy-MM-dd")
                                                       : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        spec.insert(QStringLiteral("quantiles"),
                    QJsonArray{QStringLiteral("2020-01-01"), QStringLiteral("2025-12-31")});
        return spec;
    }
    const bool numeric = column.affinity == SqlAffinity::Integer ||
                         column.affinity == SqlAffinity::Real ||
                         column.affinity == SqlAffinity::Numeric;
    if (numeric) {
        if (column.isPrimaryKey() || column.unique || name == QLatin1String("id")) {
            QJsonObject spec = entry(QStringLiteral("sequence"));
            spec.insert(QStringLiteral("start"), 1);
            return spec;
        }
        QJsonObject spec = entry(QStringLiteral("number"));
        const bool money = has("price") || has("amount") || has("total") || has("cost");
        spec.insert(QStringLiteral("quantiles"),
                    QJsonArray{0, money ? 100 : 50, money ? 1000 : 100});
        spec.insert(QStringLiteral("decimals"), column.affinity == SqlAffinity::Real ? 2 : 0);
        return spec;
    }
    if (has("mail")) {
        QJsonObject spec = entry(QStringLiteral("email"));
        QStringList tokens;
        for (const QString &first : firstNames())
            tokens << first.toLower();
        spec.insert(QStringLiteral("tokens"), list(tokens));
        spec.insert(QStringLiteral("parts"), counts({{1, 1}, {2, 3}}));
        spec.insert(QStringLiteral("separators"), list({QStringLiteral(".")}));
        spec.insert(QStringLiteral("digits_rate"), 0.3);
        spec.insert(QStringLiteral("domains"),
                    list({QStringLiteral("example.com"), QStringLiteral("example.org")}));
        return spec;
    }
    if (has("uuid") || has("guid"))
        return entry(QStringLiteral("uuid"));
    if (has("url") || has("website") || has("link")) {
        QJsonObject spec = entry(QStringLiteral("url"));
        spec.insert(QStringLiteral("prefixes"), list({QStringLiteral("https://example.com/")}));
        spec.insert(QStringLiteral("tokens"), list(loremWords()));
        spec.insert(QStringLiteral("parts"), counts({{1, 1}, {2, 1}}));
        return spec;
    }
    if (has("phone") || has("mobile")) {
        QJsonObject spec = entry(QStringLiteral("template"));
        spec.insert(QStringLiteral("templates"), list({QStringLiteral("+1 555-999-9999")}));
        return spec;
    }
    if (has("ip")) {
        if (name == QLatin1String("ip") || has("ip_") || has("_ip") || has("ipv4"))
            return entry(QStringLiteral("ipv4"));
    }
    QJsonObject spec = entry(QStringLiteral("words"));
    const bool person = has("name") && !has("file") && !has("user");
    if (person && (has("first") || has("given")))
        spec.insert(QStringLiteral("pools"), QJsonArray{list(firstNames())});
    else if (person && (has("last") || has("family") || has("sur")))
        spec.insert(QStringLiteral("pools"), QJsonArray{list(lastNames())});
    else if (person)
        spec.insert(QStringLiteral("pools"), QJsonArray{list(firstNames()), list(lastNames())});
    else
        spec.insert(QStringLiteral("pools"), QJsonArray{list(loremWords())});
    spec.insert(QStringLiteral("counts"), person && !has("first") && !has("last") ? counts({{2, 1}})
                                          : person                                ? counts({{1, 1}})
                                                   : counts({{1, 1}, {2, 2}, {3, 1}}));
    if (column.unique || (column.isPrimaryKey())) {
        // Few words make few distinct values: codes for unique text.
        QJsonObject code = entry(QStringLiteral("template"));
        code.insert(QStringLiteral("templates"), list({QStringLiteral("AAA-99999")}));
        return code;
    }
    return spec;
}

QJsonObject SchemaOnlyRecipe::build(const TableInfo &table)
{
    QJsonObject columns;
    for (const QString &name : RecipeCompiler::generatedColumns(table)) {
        const ColumnInfo &info = *table.column(name);
        columns.insert(
            name, table.foreignKeysOf(name).isEmpty()
                      ? column(info)
                      : QJsonObject{{QStringLiteral("generator"), QStringLiteral("foreign_key")}});
    }
    return QJsonObject{{QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
                       {QStringLiteral("table"), table.name},
                       {QStringLiteral("learned_from_rows"), 0},
                       {QStringLiteral("columns"), columns}};
}
