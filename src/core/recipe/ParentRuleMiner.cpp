#include "ParentRuleMiner.h"

#include "GapSummary.h"
#include "ParentKeyLoader.h"
#include "RecipeValue.h"
#include "RuleMiner.h"
#include "db/SchemaReader.h"
#include "util/DateTimeFormats.h"

#include <QJsonObject>

namespace {

// Parent column names in the joined rows; a child column cannot be named like this.
const QString ParentMark = QStringLiteral("\x01parent:");

QJsonObject parentRule(const QJsonObject &order, const QString &foreignKey)
{
    const QJsonArray columns = order.value(QLatin1String("columns")).toArray();
    const QString a = columns[0].toString(), b = columns[1].toString();
    const QString formatA = order.value(QLatin1String("format")).toString();
    const QString formatB = order.value(QLatin1String("format2")).toString(formatA);
    const bool parentFirst = a.startsWith(ParentMark);
    if (parentFirst == b.startsWith(ParentMark))
        return {};
    // a <= b: with the parent's value first, the child's comes after it.
    const QString child = parentFirst ? b : a;
    const QString parent = (parentFirst ? a : b).mid(ParentMark.size());
    const QString childFormat = parentFirst ? formatB : formatA;
    const QString parentFormat = parentFirst ? formatA : formatB;
    QJsonObject rule{{QStringLiteral("rule"), parentFirst ? QStringLiteral("after_parent")
                                                          : QStringLiteral("before_parent")},
                     {QStringLiteral("column"), child},
                     {QStringLiteral("foreign_key"), foreignKey},
                     {QStringLiteral("parent_column"), parent}};
    if (!childFormat.isEmpty())
        rule.insert(QStringLiteral("format"), childFormat);
    if (!parentFormat.isEmpty())
        rule.insert(QStringLiteral("parent_format"), parentFormat);
    return rule;
}

// Turns a plain date column into the parent's date plus an observed gap (`parentAt`: the
// parent column's position in the joined rows).
void followParent(const QJsonObject &rule, const QStringList &names,
                  const QList<QVariantList> &joined, int parentAt, QJsonObject &columns)
{
    const QString child = rule.value(QLatin1String("column")).toString();
    QJsonObject spec = columns.value(child).toObject();
    const QString format = rule.value(QLatin1String("format")).toString();
    const QString parentFormat = rule.value(QLatin1String("parent_format")).toString();
    if (rule.value(QLatin1String("rule")).toString() != QLatin1String("after_parent") ||
        spec.value(QLatin1String("generator")).toString() != QLatin1String("datetime") ||
        spec.contains(QLatin1String("tree")) || format.isEmpty() || parentFormat.isEmpty())
        return;
    const int c = int(names.indexOf(child));
    std::vector<double> bases, moments;
    for (const QVariantList &row : joined) {
        double x = 0, y = 0;
        if (!row[c].isNull() && !row[parentAt].isNull() &&
            DateTimeFormats::parse(row[c].toString(), format, &x) &&
            DateTimeFormats::parse(row[parentAt].toString(), parentFormat, &y)) {
            bases.push_back(y);
            moments.push_back(x);
        }
    }
    if (int(bases.size()) < RuleMiner::MinRows)
        return;
    spec.insert(QStringLiteral("generator"), QStringLiteral("after"));
    spec.insert(QStringLiteral("column"), rule.value(QLatin1String("foreign_key")));
    spec.insert(QStringLiteral("parent_column"), rule.value(QLatin1String("parent_column")));
    spec.insert(QStringLiteral("parent_format"), parentFormat);
    GapSummary::describe(bases, moments, spec);
    columns.insert(child, spec);
}

} // namespace

QJsonArray ParentRuleMiner::mine(QSqlDatabase &db, const TableInfo &table, const QStringList &names,
                                 const QList<QVariantList> &rows, QJsonObject &columns)
{
    QJsonArray rules;
    for (const ForeignKey &key : table.foreignKeys) {
        const int fk = int(names.indexOf(key.columns.first()));
        if (key.columns.size() != 1 || key.parentColumns.size() != 1 || fk < 0)
            continue;
        const std::optional<TableInfo> parent = SchemaReader::read(db, key.parentTable);
        if (!parent)
            continue;
        QStringList parentColumns;
        for (const ColumnInfo &column : parent->columns) {
            if (column.name != key.parentColumns.first() && !column.hidden &&
                parentColumns.size() < MaxParentColumns)
                parentColumns << column.name;
        }
        if (parentColumns.isEmpty())
            continue;
        QVariantList keys;
        for (const QVariantList &row : rows)
            keys << row[fk];
        const std::shared_ptr<ParentKeys> parents =
            ParentKeyLoader::lookUp(db, key, parentColumns, keys);
        QList<QVariantList> joined;
        for (const QVariantList &row : rows) {
            const GeneratedValue value = RecipeValue::fromVariant(row[fk]);
            if (value.type == GeneratedValue::Null || !parents->attribute(value, 0))
                continue;
            QVariantList both = row;
            for (int c = 0; c < parentColumns.size(); ++c)
                both << parents->attribute(value, c)->toVariant();
            joined << both;
        }
        QStringList joinedNames = names;
        for (const QString &column : parentColumns)
            joinedNames << ParentMark + column;
        for (const QJsonValue &order : RuleMiner::orders(joinedNames, joined, int(names.size()))) {
            const QJsonObject rule = parentRule(order.toObject(), key.columns.first());
            if (rule.isEmpty())
                continue;
            rules << rule;
            const QString parentColumn = rule.value(QLatin1String("parent_column")).toString();
            followParent(rule, names, joined,
                         int(names.size() + parentColumns.indexOf(parentColumn)), columns);
        }
    }
    return rules;
}
