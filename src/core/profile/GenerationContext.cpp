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
    const QString name = SqlIdentifier::quote(table.name);
    // Exact up to a bound; a bigger table is described by its rowid span, which costs nothing.
    context.rowCount =
        SqlExec::scalar(db,
                        QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 LIMIT ?)").arg(name),
                        {ExactCountLimit + 1})
            .toLongLong();
    if (context.rowCount > ExactCountLimit && !table.rowidName().isEmpty())
        context.rowCount =
            SqlExec::scalar(
                db, QStringLiteral("SELECT (SELECT max(%1) FROM %2) - (SELECT min(%1) FROM %2) + 1")
                        .arg(SqlIdentifier::quote(table.rowidName()), name))
                .toLongLong();
    context.sampleRows = RowSampler::sample(db, table, sampleSize, random, context.sampleColumns);
    context.profiles = ColumnProfiler::profile(db, table, random);

    for (const ColumnInfo &column : table.columns) {
        if (column.isFilledBySqlite() ||
            !(column.unique || table.primaryKey() == QStringList{column.name}))
            continue;
        const QString quoted = SqlIdentifier::quote(column.name);
        // Unique values are as many as non-null rows; only "more than a few?" matters, so
        // counting stops there instead of scanning a big table.
        const qint64 present =
            SqlExec::scalar(db,
                            QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %2 WHERE %1 IS NOT "
                                           "NULL LIMIT ?)")
                                .arg(quoted, name),
                            {FewUniqueValues + 1})
                .toLongLong();
        context.uniqueCounts.insert(column.name,
                                    present > FewUniqueValues ? context.rowCount : present);
        if (present <= FewUniqueValues) {
            QSqlQuery values = SqlExec::exec(
                db, QStringLiteral("SELECT %1 FROM %2 WHERE %1 IS NOT NULL").arg(quoted, name));
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
