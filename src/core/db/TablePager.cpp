#include "TablePager.h"

#include "ColumnFilter.h"
#include "SqlExec.h"
#include "SqlIdentifier.h"
#include "util/RowforgeError.h"

#include <cstring>
#include <vector>

bool TablePager::Query::isPlain() const
{
    return sortColumn < 0 && std::all_of(filters.begin(), filters.end(), [](const QString &text) {
               return text.trimmed().isEmpty();
           });
}

TablePager::TablePager(const TableInfo &table, int pageSize) : TablePager(table, pageSize, Query())
{}

TablePager::TablePager(const TableInfo &table, int pageSize, const Query &query)
    : m_table(table.name), m_keyColumns(table.keysetColumns()), m_pageSize(pageSize), m_query(query)
{
    for (const ColumnInfo &column : table.columns) {
        if (!column.hidden)
            m_columns << column.name;
    }
    if (m_query.sortColumn >= m_columns.size())
        m_query.sortColumn = -1;
    m_byRowids = !m_query.isPlain() && table.kind == TableInfo::Table && !table.withoutRowid &&
                 !table.rowidName().isEmpty();
}

QString TablePager::where(QVariantList *bound) const
{
    QStringList conditions;
    for (auto it = m_query.filters.constBegin(); it != m_query.filters.constEnd(); ++it) {
        if (it.key() < 0 || it.key() >= m_columns.size())
            continue;
        const QString condition =
            ColumnFilter::condition(SqlIdentifier::quote(m_columns[it.key()]), it.value(), bound);
        if (!condition.isEmpty())
            conditions << condition;
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString TablePager::orderBy() const
{
    QStringList terms;
    const QString direction = m_query.descending ? QStringLiteral(" DESC") : QString();
    if (m_query.sortColumn >= 0)
        terms << SqlIdentifier::quote(m_columns[m_query.sortColumn]) + direction;
    // Then the key, the same way: an index on the sorted column holds its rows in that order.
    for (const QString &key : m_keyColumns)
        terms << SqlIdentifier::quote(key) + direction;
    return terms.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + terms.join(u',');
}

qint64 TablePager::scanRowids(QSqlDatabase &db, const AnchorSink &sink) const
{
    QVariantList bound;
    const QString sql = QStringLiteral("SELECT %1 FROM %2%3%4")
                            .arg(SqlIdentifier::quote(m_keyColumns.first()),
                                 SqlIdentifier::quote(m_table), where(&bound), orderBy());
    QSqlQuery query = SqlExec::exec(db, sql, bound);
    // Each page's rowids packed into one value: 8 bytes a row (80 MB for 10,000,000 rows).
    QList<Anchor> batch;
    QByteArray page;
    qint64 rows = 0;
    int batchLimit = 1;
    while (query.next()) {
        const qint64 rowid = query.value(0).toLongLong();
        page.append(reinterpret_cast<const char *>(&rowid), sizeof rowid);
        ++rows;
        if (page.size() < qsizetype(sizeof rowid) * m_pageSize)
            continue;
        batch << Anchor{page};
        page.clear();
        if (batch.size() >= batchLimit) {
            if (!sink(batch, rows))
                return -1;
            batch.clear();
            // Small batches: a new sort or filter stops this pass within a few milliseconds
            // (the sink says so), instead of holding a core until a million rows are listed.
            batchLimit = 64;
        }
    }
    if (!page.isEmpty())
        batch << Anchor{page};
    sink(batch, rows);
    return rows;
}

qint64 TablePager::scan(QSqlDatabase &db, const AnchorSink &sink) const
{
    const QString table = SqlIdentifier::quote(m_table);
    if (m_byRowids)
        return scanRowids(db, sink);
    if (!usesKeyset()) {
        QVariantList bound;
        const qint64 rows =
            SqlExec::scalar(
                db, QStringLiteral("SELECT count(*) FROM %1%2").arg(table, where(&bound)), bound)
                .toLongLong();
        sink({}, rows);
        return rows;
    }
    // Each anchor is found from the previous one by skipping a page's worth of keys in the
    // key's b-tree: the cost is one short seek per page, not a pass over every row's data.
    const QString keys = SqlIdentifier::quoteList(m_keyColumns);
    QStringList placeholders;
    for (int i = 0; i < m_keyColumns.size(); ++i)
        placeholders << QStringLiteral("?");
    const QString tuple = placeholders.join(u',');
    const auto readKey = [this](QSqlQuery &query, Anchor *anchor) {
        if (!query.next())
            return false;
        anchor->clear();
        for (int i = 0; i < m_keyColumns.size(); ++i)
            *anchor << query.value(i);
        return true;
    };

    Anchor anchor;
    {
        QSqlQuery first = SqlExec::exec(
            db, QStringLiteral("SELECT %1 FROM %2 ORDER BY %1 LIMIT 1").arg(keys, table));
        if (!readKey(first, &anchor)) {
            sink({}, 0);
            return 0;
        }
    }
    QSqlQuery next(db);
    next.setForwardOnly(true);
    if (!next.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE (%1) >= (%3) ORDER BY %1 "
                                     "LIMIT 1 OFFSET %4")
                          .arg(keys, table, tuple, QString::number(m_pageSize))))
        throw RowforgeError(SqlExec::errorText(next));

    // The first batch goes out as soon as page 0 is known to be full; until the scan ends only
    // pages followed by another anchor are counted, so the reported count never shrinks.
    QList<Anchor> batch{anchor};
    qint64 anchors = 1;
    int batchLimit = 2;
    for (;;) {
        for (int i = 0; i < anchor.size(); ++i)
            next.bindValue(i, anchor.at(i));
        if (!next.exec())
            throw RowforgeError(SqlExec::errorText(next));
        if (!readKey(next, &anchor))
            break;
        next.finish();
        batch << anchor;
        ++anchors;
        if (batch.size() >= batchLimit) {
            if (!sink(batch, (anchors - 1) * m_pageSize))
                return -1;
            batch.clear();
            batchLimit = 4096;
        }
    }
    // Rows on the last page: counted through the key's index, at most one page.
    const qint64 lastPageRows =
        SqlExec::scalar(
            db,
            QStringLiteral("SELECT count(*) FROM %1 WHERE (%2) >= (%3)").arg(table, keys, tuple),
            anchor)
            .toLongLong();
    const qint64 total = (anchors - 1) * m_pageSize + lastPageRows;
    sink(batch, total);
    return total;
}

QList<QVariantList> TablePager::readPage(QSqlDatabase &db, int page, const Anchor &anchor) const
{
    const QString table = SqlIdentifier::quote(m_table);
    const QString columns = SqlIdentifier::quoteList(m_columns + m_keyColumns);
    const int columnCount = int(m_columns.size() + m_keyColumns.size());
    auto readRow = [columnCount](QSqlQuery &query) {
        QVariantList row;
        row.reserve(columnCount);
        for (int i = 0; i < columnCount; ++i)
            row << query.value(i);
        return row;
    };
    QList<QVariantList> rows;
    if (m_byRowids) {
        // The page's rowids, read in one statement and put back in their order.
        const QByteArray packed = anchor.value(0).toByteArray();
        std::vector<qint64> rowids(size_t(packed.size()) / sizeof(qint64));
        std::memcpy(rowids.data(), packed.constData(), rowids.size() * sizeof(qint64));
        QString list;
        for (const qint64 rowid : rowids)
            list += (list.isEmpty() ? QStringLiteral("[") : QStringLiteral(",")) +
                    QString::number(rowid);
        list += u']';
        QSqlQuery query = SqlExec::exec(
            db,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (SELECT value FROM json_each(?))")
                .arg(columns, table, SqlIdentifier::quote(m_keyColumns.first())),
            {list});
        QHash<qint64, QVariantList> byRowid;
        while (query.next()) {
            QVariantList row = readRow(query);
            byRowid.insert(row.last().toLongLong(), std::move(row));
        }
        // A row deleted since the scan is left out (the view refreshes after a change).
        for (const qint64 rowid : rowids) {
            const auto found = byRowid.constFind(rowid);
            if (found != byRowid.constEnd())
                rows << *found;
        }
        return rows;
    }
    QSqlQuery query;
    if (usesKeyset()) {
        QStringList placeholders;
        for (int i = 0; i < m_keyColumns.size(); ++i)
            placeholders << QStringLiteral("?");
        const QString keys = SqlIdentifier::quoteList(m_keyColumns);
        QVariantList values = anchor;
        values << m_pageSize;
        query = SqlExec::exec(db,
                              QStringLiteral("SELECT %1 FROM %2 WHERE (%3) >= (%4) "
                                             "ORDER BY %3 LIMIT ?")
                                  .arg(columns, table, keys, placeholders.join(u',')),
                              values);
    } else {
        QVariantList bound;
        const QString filtered = where(&bound);
        bound << m_pageSize << qint64(page) * m_pageSize;
        query = SqlExec::exec(db,
                              QStringLiteral("SELECT %1 FROM %2%3%4 LIMIT ? OFFSET ?")
                                  .arg(columns, table, filtered, orderBy()),
                              bound);
    }
    while (query.next())
        rows << readRow(query);
    return rows;
}
