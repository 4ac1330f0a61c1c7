#include "RowSampler.h"

#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

#include <QSet>

QList<QVariantList> RowSampler::sample(QSqlDatabase &db, const TableInfo &table, int count,
                                       QRandomGenerator &random, QStringList columns)
{
    if (columns.isEmpty()) {
        for (const ColumnInfo &column : table.columns) {
            if (!column.hidden)
                columns << column.name;
        }
    }
    const QString selected = SqlIdentifier::quoteList(columns);
    const QString name = SqlIdentifier::quote(table.name);
    auto readRows = [&columns](QSqlQuery &query, QList<QVariantList> &rows) {
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << query.value(i);
            rows << row;
        }
    };
    QList<QVariantList> rows;
    if (count <= 0)
        return rows;

    const QString rowid = table.rowidName();
    qint64 low = 0, high = -1;
    if (!rowid.isEmpty()) {
        QSqlQuery bounds = SqlExec::exec(db, QStringLiteral("SELECT min(%1), max(%1) FROM %2")
                                                 .arg(SqlIdentifier::quote(rowid), name));
        if (bounds.next() && !bounds.value(0).isNull()) {
            low = bounds.value(0).toLongLong();
            high = bounds.value(1).toLongLong();
        }
    }
    if (rowid.isEmpty() || high - low + 1 <= SmallSpan) {
        // SQLite's random() is not seedable; seed-reproducible order comes from our generator.
        QSqlQuery query = SqlExec::exec(
            db, QStringLiteral("SELECT %1 FROM %2 ORDER BY random() LIMIT ?").arg(selected, name),
            {count});
        readRows(query, rows);
        return rows;
    }

    QSqlQuery exact(db);
    exact.setForwardOnly(true);
    exact.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                      .arg(selected, name, SqlIdentifier::quote(rowid)));
    QSet<qint64> picked;
    // Gaps (deleted rows) are retried with a new random rowid; a table that is mostly gaps
    // falls back to the next existing row after a random point.
    int attempts = 0;
    while (rows.size() < count && attempts < count * 20) {
        ++attempts;
        const qint64 candidate = low + qint64(random.bounded(quint64(high - low + 1)));
        if (picked.contains(candidate))
            continue;
        exact.bindValue(0, candidate);
        exact.exec();
        if (exact.next()) {
            picked.insert(candidate);
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << exact.value(i);
            rows << row;
        }
        exact.finish();
    }
    if (rows.size() < count) {
        QSqlQuery after =
            SqlExec::exec(db,
                          QStringLiteral("SELECT %1, %3 FROM %2 WHERE %3 >= ? ORDER BY %3 LIMIT ?")
                              .arg(selected, name, SqlIdentifier::quote(rowid)),
                          {low + qint64(random.bounded(quint64(high - low + 1))), count * 2});
        while (after.next() && rows.size() < count) {
            if (picked.contains(after.value(int(columns.size())).toLongLong()))
                continue;
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << after.value(i);
            rows << row;
        }
    }
    return rows;
}
