#include "GenerationUndo.h"

#include "GeneratedRows.h"
#include "db/IntegrityCheck.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "db/Transaction.h"
#include "util/RowforgeError.h"

namespace {
constexpr int ProgressEvery = 4096;
}

int GenerationUndo::undo(QSqlDatabase &db, const GenerationResult &generation,
                         const Progress &progress, const std::atomic<bool> *cancelled)
{
    const TableInfo table = SchemaReader::require(db, generation.table);
    IntegrityCheck::requireIntact(db, table, 0);
    QStringList conditions;
    for (const QString &column : generation.insertedColumns)
        conditions << QStringLiteral("%1 IS ?").arg(SqlIdentifier::quote(column));
    // Rowid tables: the rowid names the very row. WITHOUT ROWID tables: the values include the
    // primary key, which names it.
    const QString rowid = table.rowidName();
    if (!rowid.isEmpty())
        conditions.prepend(QStringLiteral("%1 = ?").arg(SqlIdentifier::quote(rowid)));
    const QString sql =
        QStringLiteral("DELETE FROM %1 WHERE %2")
            .arg(SqlIdentifier::quote(table.name), conditions.join(QStringLiteral(" AND ")));
    Transaction transaction(db, QStringLiteral("undoing the generation on %1").arg(table.name));
    int removed = 0;
    const qint64 total = generation.insertedValues.size();
    for (int i = 0; i < total; ++i) {
        if (i % ProgressEvery == 0) {
            // Leaving by the exception rolls the transaction back: all rows stay.
            if (cancelled && cancelled->load())
                throw RowforgeError(QStringLiteral("Undo cancelled; no row was removed"));
            if (progress)
                progress(i, total);
        }
        QVariantList values = generation.insertedValues[i];
        if (!rowid.isEmpty())
            values.prepend(generation.rowids.value(i));
        removed += SqlExec::exec(db, sql, values).numRowsAffected();
    }
    if (progress)
        progress(total, total);
    transaction.commit();
    // Rows that are gone are no longer generated rows to leave out; a row kept (edited since)
    // is left out still: it began as a generated one.
    if (!rowid.isEmpty() && removed == generation.insertedValues.size() &&
        generation.lastRowid >= generation.firstRowid)
        GeneratedRows(generation.generatedRowsFile)
            .remove(db.databaseName(), table.name, generation.firstRowid, generation.lastRowid);
    return removed;
}
