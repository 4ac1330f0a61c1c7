#include "SchemaReader.h"

#include "CreateTableParser.h"
#include "SqlExec.h"
#include "SqlIdentifier.h"
#include "util/RowforgeError.h"

#include <QMap>
#include <QRegularExpression>

namespace {
const QString tableListSql =
    QStringLiteral("SELECT name, type, wr, strict FROM pragma_table_list "
                   "WHERE schema = 'main' AND type IN ('table', 'view', 'virtual') "
                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' %1 ORDER BY name COLLATE NOCASE");
}

QList<TableInfo> SchemaReader::readAll(QSqlDatabase &db)
{
    QList<TableInfo> tables;
    QSqlQuery query = SqlExec::exec(db, tableListSql.arg(QString()));
    while (query.next()) {
        tables << readDetails(db, query.value(0).toString(), query.value(1).toString(),
                              query.value(2).toBool(), query.value(3).toBool());
    }
    return tables;
}

std::optional<TableInfo> SchemaReader::read(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query =
        SqlExec::exec(db, tableListSql.arg(QStringLiteral("AND name = ? COLLATE NOCASE")), {name});
    if (!query.next())
        return std::nullopt;
    return readDetails(db, query.value(0).toString(), query.value(1).toString(),
                       query.value(2).toBool(), query.value(3).toBool());
}

TableInfo SchemaReader::require(QSqlDatabase &db, const QString &name)
{
    std::optional<TableInfo> table = read(db, name);
    if (!table)
        throw RowforgeError(
            QStringLiteral("No table named \"%1\" in %2").arg(name, db.databaseName()));
    return *table;
}

qint64 SchemaReader::rowCount(QSqlDatabase &db, const TableInfo &table)
{
    return SqlExec::scalar(
               db, QStringLiteral("SELECT count(*) FROM %1").arg(SqlIdentifier::quote(table.name)))
        .toLongLong();
}

TableInfo SchemaReader::readDetails(QSqlDatabase &db, const QString &name, const QString &type,
                                    bool withoutRowid, bool strict)
{
    TableInfo table;
    table.name = name;
    table.kind = type == QLatin1String("view") ? TableInfo::View : TableInfo::Table;
    table.withoutRowid = withoutRowid;
    table.strict = strict;
    table.sql = SqlExec::scalar(db,
                                QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = ? "
                                               "AND type IN ('table', 'view')"),
                                {name})
                    .toString();
    readColumns(db, table);
    if (table.kind == TableInfo::Table) {
        readUniqueKeys(db, table);
        readForeignKeys(db, table);
        const CreateTableParser::Result parsed = CreateTableParser::parse(table.sql);
        table.tableChecks = parsed.tableChecks;
        for (ColumnInfo &column : table.columns)
            column.checks = parsed.columnChecks.value(column.name.toLower());
    }
    readIndexesAndTriggers(db, table);
    return table;
}

void SchemaReader::readIndexesAndTriggers(QSqlDatabase &db, TableInfo &table)
{
    QSqlQuery objects = SqlExec::exec(
        db,
        QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN "
                       "('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name COLLATE "
                       "NOCASE"),
        {table.name});
    while (objects.next()) {
        SchemaObject object;
        object.kind = objects.value(0).toString() == QLatin1String("index") ? SchemaObject::Index
                                                                            : SchemaObject::Trigger;
        object.name = objects.value(1).toString();
        object.sql = objects.value(2).toString();
        if (object.kind == SchemaObject::Index) {
            QSqlQuery flags = SqlExec::exec(
                db,
                QStringLiteral(
                    "SELECT \"unique\", partial FROM pragma_index_list(?) WHERE name = ?"),
                {table.name, object.name});
            const bool unique = flags.next() && flags.value(0).toBool();
            const bool partial = flags.isValid() && flags.value(1).toBool();
            QStringList columns;
            QSqlQuery parts = SqlExec::exec(
                db, QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"),
                {object.name});
            while (parts.next())
                columns << (parts.value(0).isNull() ? QStringLiteral("(expression)")
                                                    : parts.value(0).toString());
            object.summary = (unique ? QStringLiteral("UNIQUE on %1") : QStringLiteral("on %1"))
                                 .arg(columns.join(QStringLiteral(", ")));
            if (partial)
                object.summary += QStringLiteral(" (partial)");
        } else {
            static const QRegularExpression when(
                QStringLiteral("\\b(BEFORE|AFTER|INSTEAD\\s+OF)?\\s*(INSERT|UPDATE|DELETE)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch match = when.match(object.sql);
            if (match.hasMatch())
                object.summary =
                    (match.captured(1).isEmpty() ? QStringLiteral("BEFORE") // SQLite's default
                                                 : match.captured(1).simplified().toUpper()) +
                    u' ' + match.captured(2).toUpper();
        }
        table.indexesAndTriggers << object;
    }
}

void SchemaReader::readColumns(QSqlDatabase &db, TableInfo &table)
{
    QSqlQuery query =
        SqlExec::exec(db,
                      QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                                     "FROM pragma_table_xinfo(?) ORDER BY cid"),
                      {table.name});
    int primaryKeyColumns = 0;
    while (query.next()) {
        ColumnInfo column;
        column.name = query.value(0).toString();
        column.declaredType = query.value(1).toString();
        column.affinity = SqlAffinity::fromDeclaredType(column.declaredType);
        column.notNull = query.value(2).toBool();
        column.hasDefault = !query.value(3).isNull();
        column.defaultSql = query.value(3).toString();
        column.primaryKeyPosition = query.value(4).toInt();
        const int hidden = query.value(5).toInt();
        column.hidden = hidden == 1;
        column.generated = hidden == 2   ? ColumnInfo::GeneratedVirtual
                           : hidden == 3 ? ColumnInfo::GeneratedStored
                                         : ColumnInfo::NotGenerated;
        if (column.isPrimaryKey())
            ++primaryKeyColumns;
        table.columns << column;
    }
    // Only a lone column declared exactly INTEGER aliases the rowid.
    if (table.kind == TableInfo::Table && !table.withoutRowid && primaryKeyColumns == 1) {
        for (ColumnInfo &column : table.columns) {
            if (column.isPrimaryKey() &&
                column.declaredType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
                column.rowidAlias = true;
        }
    }
}

void SchemaReader::readUniqueKeys(QSqlDatabase &db, TableInfo &table)
{
    const QStringList primaryKey = table.primaryKey();
    if (!primaryKey.isEmpty()) {
        UniqueKey key;
        key.columns = primaryKey;
        key.origin = UniqueKey::PrimaryKey;
        table.uniqueKeys << key;
    }
    QSqlQuery indexes =
        SqlExec::exec(db,
                      QStringLiteral("SELECT name, origin, partial FROM pragma_index_list(?) "
                                     "WHERE \"unique\" = 1 AND origin <> 'pk' ORDER BY seq DESC"),
                      {table.name});
    while (indexes.next()) {
        UniqueKey key;
        key.indexName = indexes.value(0).toString();
        key.origin = indexes.value(1).toString() == QLatin1String("u") ? UniqueKey::Constraint
                                                                       : UniqueKey::Index;
        key.partial = indexes.value(2).toBool();
        QSqlQuery columns = SqlExec::exec(
            db, QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"),
            {key.indexName});
        bool onExpression = false;
        while (columns.next()) {
            if (columns.value(0).isNull())
                onExpression = true;
            key.columns << columns.value(0).toString();
        }
        if (onExpression || key.columns.isEmpty())
            continue; // an index on expressions constrains no column as such
        table.uniqueKeys << key;
        if (key.columns.size() == 1 && !key.partial) {
            for (ColumnInfo &column : table.columns) {
                if (column.name == key.columns.first())
                    column.unique = true;
            }
        }
    }
}

void SchemaReader::readForeignKeys(QSqlDatabase &db, TableInfo &table)
{
    QSqlQuery query =
        SqlExec::exec(db,
                      QStringLiteral("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                                     "FROM pragma_foreign_key_list(?) ORDER BY id, seq"),
                      {table.name});
    QMap<int, ForeignKey> byId;
    while (query.next()) {
        ForeignKey &fk = byId[query.value(0).toInt()];
        fk.parentTable = query.value(1).toString();
        fk.columns << query.value(2).toString();
        if (!query.value(3).isNull())
            fk.parentColumns << query.value(3).toString();
        fk.onUpdate = query.value(4).toString();
        fk.onDelete = query.value(5).toString();
    }
    for (ForeignKey &fk : byId) {
        if (fk.parentColumns.isEmpty())
            fk.parentColumns = primaryKeyOf(db, fk.parentTable);
        table.foreignKeys << fk;
    }
}

QStringList SchemaReader::primaryKeyOf(QSqlDatabase &db, const QString &table)
{
    QSqlQuery query = SqlExec::exec(
        db, QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"),
        {table});
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}
