#include "RowSampler.h"

#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

#include <QJsonDocument>
#include <QSet>

QList<QVariantList> RowSampler::sample(QSqlDatabase &db, const TableInfo &table, int count,
                                       QRandomGenerator &random, QStringList columns,
                                       qint64 minRowid, qint64 maxRowid,
                                       const RowidRanges &excluded)
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
        // Two subqueries: SQLite answers a lone min() or max() from the b-tree's ends, but
        // scans the whole table for min() and max() in one SELECT.
        QSqlQuery bounds = SqlExec::exec(
            db, QStringLiteral("SELECT (SELECT min(%1) FROM %2), (SELECT max(%1) FROM %2)")
                    .arg(SqlIdentifier::quote(rowid), name));
        if (bounds.next() && !bounds.value(0).isNull()) {
            low = std::max(minRowid, bounds.value(0).toLongLong());
            high = std::min(maxRowid, bounds.value(1).toLongLong());
        }
        if (high < low)
            return rows;
    }
    // The rowids that may be picked: [low, high] less the excluded ones.
    const RowidRanges allowed = excluded.complement(low, high);
    if (!rowid.isEmpty() && allowed.isEmpty())
        return rows;
    if (!rowid.isEmpty() && allowed.count() <= SmallSpan) {
        // A small table: every allowed row, in an order drawn from our generator, so that the
        // same seed picks the same rows (SQLite's random() cannot be seeded; the fidelity
        // report mined its rules from a different thousand rows on each run).
        QVariantList bound{low, high};
        QString range =
            QStringLiteral(" WHERE %1 BETWEEN ? AND ?").arg(SqlIdentifier::quote(rowid));
        if (!excluded.isEmpty()) {
            range += QStringLiteral(" AND ") +
                     RowidRanges::outsideCondition(name + u'.' + SqlIdentifier::quote(rowid));
            bound << excluded.toBindValue();
        }
        QSqlQuery query =
            SqlExec::exec(db,
                          QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4")
                              .arg(selected, name, range, SqlIdentifier::quote(rowid)),
                          bound);
        readRows(query, rows);
        // The first `count` of a Fisher–Yates shuffle.
        const qsizetype keep = std::min<qsizetype>(count, rows.size());
        for (qsizetype i = 0; i < keep; ++i)
            rows.swapItemsAt(i, i + qsizetype(random.bounded(quint64(rows.size() - i))));
        rows.resize(keep);
        return rows;
    }
    if (rowid.isEmpty()) {
        // A view or a WITHOUT ROWID table, of any size: SQLite picks.
        QSqlQuery query = SqlExec::exec(
            db, QStringLiteral("SELECT %1 FROM %2 ORDER BY random() LIMIT ?").arg(selected, name),
            {count});
        readRows(query, rows);
        return rows;
    }

    // Most of the rows wanted: one pass over them in rowid order, keeping a uniform random
    // subset (reservoir sampling), beats seeking random rowids that mostly repeat.
    if (qint64(count) * 2 >= allowed.count()) {
        QSqlQuery all =
            SqlExec::exec(db,
                          QStringLiteral("SELECT %1, %3 FROM %2 WHERE %3 BETWEEN ? AND ?")
                              .arg(selected, name, SqlIdentifier::quote(rowid)),
                          {low, high});
        qint64 seen = 0;
        while (all.next()) {
            if (!excluded.isEmpty() &&
                excluded.contains(all.value(int(columns.size())).toLongLong()))
                continue;
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << all.value(i);
            const qint64 slot = seen < count ? seen : qint64(random.bounded(quint64(seen + 1)));
            ++seen;
            if (slot == rows.size())
                rows << row;
            else if (slot < count)
                rows[slot] = row;
        }
        return rows;
    }
    // Random rowids go to SQLite as one bound JSON array: one statement seeks them all.
    // Gaps (deleted rows) come back missing and are retried with new random rowids.
    const QString byRowids = QStringLiteral("SELECT %1, %3 FROM %2 WHERE %3 IN (SELECT value FROM "
                                            "json_each(?))")
                                 .arg(selected, name, SqlIdentifier::quote(rowid));
    QSet<qint64> picked;
    QSet<qint64> tried;
    const qint64 span = allowed.count();
    for (int round = 0; round < 20 && rows.size() < count && tried.size() < span; ++round) {
        const qsizetype wanted = count - rows.size();
        QStringList candidates;
        for (qsizetype i = 0; i < wanted + wanted / 4 + 4 && tried.size() < span; ++i) {
            const qint64 candidate = allowed.at(qint64(random.bounded(quint64(span))));
            if (tried.contains(candidate))
                continue;
            tried.insert(candidate);
            candidates << QString::number(candidate);
        }
        QSqlQuery query =
            SqlExec::exec(db, byRowids, {QStringLiteral("[%1]").arg(candidates.join(u','))});
        while (query.next() && rows.size() < count) {
            picked.insert(query.value(int(columns.size())).toLongLong());
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << query.value(i);
            rows << row;
        }
    }
    if (rows.size() < count) {
        QSqlQuery after =
            SqlExec::exec(db,
                          QStringLiteral("SELECT %1, %3 FROM %2 WHERE %3 BETWEEN ? AND ? ORDER "
                                         "BY %3 LIMIT ?")
                              .arg(selected, name, SqlIdentifier::quote(rowid)),
                          {low + qint64(random.bounded(quint64(high - low + 1))), high, count * 2});
        while (after.next() && rows.size() < count) {
            const qint64 id = after.value(int(columns.size())).toLongLong();
            if (picked.contains(id) || excluded.contains(id))
                continue;
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row << after.value(i);
            rows << row;
        }
    }
    return rows;
}
