#include "GenerationContext.h"

#include "ColumnProfiler.h"
#include "RowSampler.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

GenerationContext GenerationContext::gather(QSqlDatabase &db, const TableInfo &table,
                                            int sampleSize, QRandomGenerator &random)
{
    GenerationContext context;
    context.table = table;
    for (const ColumnInfo &column : table.columns) {
        if (!column.isFilledBySqlite())
            context.columns << column.name;
        if (!column.hidden)
            context.sampleColumns << column.name;
    }
    context.rowCount = SchemaReader::rowCount(db, table);
    context.sampleRows = RowSampler::sample(db, table, sampleSize, random, context.sampleColumns);
    context.profiles = ColumnProfiler::profile(db, table, random);

    const QString name = SqlIdentifier::quote(table.name);
    for (const ColumnInfo &column : table.columns) {
        if (column.isFilledBySqlite() ||
            !(column.unique || table.primaryKey() == QStringList{column.name}))
            continue;
        const QString quoted = SqlIdentifier::quote(column.name);
        const qint64 distinct =
            SqlExec::scalar(db,
                            QStringLiteral("SELECT count(DISTINCT %1) FROM %2").arg(quoted, name))
                .toLongLong();
        context.uniqueCounts.insert(column.name, distinct);
        if (distinct <= FewUniqueValues) {
            QSqlQuery values =
                SqlExec::exec(db, QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE %1 IS NOT NULL")
                                      .arg(quoted, name));
            QStringList list;
            while (values.next())
                list << values.value(0).toString();
            context.uniqueValues.insert(column.name, list);
        }
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        if (fk.columns.size() != 1 || fk.parentColumns.size() != 1)
            continue; // composite keys: the sample rows show valid combinations
        const std::optional<TableInfo> parent = SchemaReader::read(db, fk.parentTable);
        if (!parent)
            continue;
        QSqlQuery keys = SqlExec::exec(db,
                                       QStringLiteral("SELECT %1 FROM %2 ORDER BY random() LIMIT ?")
                                           .arg(SqlIdentifier::quote(fk.parentColumns.first()),
                                                SqlIdentifier::quote(parent->name)),
                                       {ParentKeySample});
        QStringList list;
        while (keys.next())
            list << keys.value(0).toString();
        context.parentKeys.insert(fk.columns.first(), list);
    }
    return context;
}
