#include "TableInfo.h"

#include <algorithm>

const ColumnInfo *TableInfo::column(const QString &columnName) const
{
    for (const ColumnInfo &c : columns) {
        if (c.name.compare(columnName, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

QStringList TableInfo::columnNames() const
{
    QStringList names;
    for (const ColumnInfo &c : columns)
        names << c.name;
    return names;
}

QStringList TableInfo::primaryKey() const
{
    QList<const ColumnInfo *> keyColumns;
    for (const ColumnInfo &c : columns) {
        if (c.isPrimaryKey())
            keyColumns << &c;
    }
    std::sort(keyColumns.begin(), keyColumns.end(), [](const ColumnInfo *a, const ColumnInfo *b) {
        return a->primaryKeyPosition < b->primaryKeyPosition;
    });
    QStringList names;
    for (const ColumnInfo *c : keyColumns)
        names << c->name;
    return names;
}

QList<ForeignKey> TableInfo::foreignKeysOf(const QString &columnName) const
{
    QList<ForeignKey> result;
    for (const ForeignKey &fk : foreignKeys) {
        if (fk.columns.contains(columnName, Qt::CaseInsensitive))
            result << fk;
    }
    return result;
}

QString TableInfo::rowidName() const
{
    if (kind != Table || withoutRowid)
        return {};
    for (const ColumnInfo &c : columns) {
        if (c.rowidAlias)
            return c.name;
    }
    for (const char *candidate : {"rowid", "_rowid_", "oid"}) {
        const QString name = QString::fromLatin1(candidate);
        if (!column(name))
            return name;
    }
    return {};
}

QStringList TableInfo::keysetColumns() const
{
    if (kind != Table)
        return {};
    if (withoutRowid)
        return primaryKey();
    const QString rowid = rowidName();
    return rowid.isEmpty() ? QStringList() : QStringList{rowid};
}

bool TableInfo::hasUniqueKeyWithin(const QStringList &columnNames) const
{
    return std::any_of(uniqueKeys.begin(), uniqueKeys.end(), [&columnNames](const UniqueKey &key) {
        return !key.partial &&
               std::all_of(key.columns.begin(), key.columns.end(),
                           [&columnNames](const QString &c) { return columnNames.contains(c); });
    });
}
