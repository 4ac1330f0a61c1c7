#include "TablePager.h"

#include "SqlExec.h"
#include "SqlIdentifier.h"

TablePager::TablePager(const TableInfo &table, int pageSize)
    : m_table(table.name), m_keyColumns(table.keysetColumns()), m_pageSize(pageSize)
{
    for (const ColumnInfo &column : table.columns) {
        if (!column.hidden)
            m_columns << column.name;
    }
}

qint64 TablePager::scan(QSqlDatabase &db, const AnchorSink &sink) const
{
    const QString table = SqlIdentifier::quote(m_table);
    if (!usesKeyset()) {
        const qint64 rows =
            SqlExec::scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
        sink({}, rows);
        return rows;
    }
    // SQLite numbers the rows itself and returns only every page's first key: one pass in C
    // instead of a round trip per row.
    const QString keys = SqlIdentifier::quoteList(m_keyColumns);
    const QString sql =
        QStringLiteral("SELECT %1 FROM (SELECT %1, row_number() OVER (ORDER BY %1) AS rf_n "
                       "FROM %2) WHERE (rf_n - 1) % ? = 0")
            .arg(keys, table);
    QSqlQuery query = SqlExec::exec(db, sql, {m_pageSize});
    QList<Anchor> batch;
    qint64 anchors = 0;
    Anchor last;
    // The first batch goes out as soon as page 0 is known to be full; until the scan ends only
    // pages followed by another anchor are counted, so the reported count never shrinks.
    int batchLimit = 2;
    while (query.next()) {
        Anchor anchor;
        for (int i = 0; i < m_keyColumns.size(); ++i)
            anchor << query.value(i);
        last = anchor;
        batch << std::move(anchor);
        ++anchors;
        if (batch.size() >= batchLimit) {
            if (!sink(batch, (anchors - 1) * m_pageSize))
                return -1;
            batch.clear();
            batchLimit = 4096;
        }
    }
    if (anchors == 0) {
        sink(batch, 0);
        return 0;
    }
    // Rows on the last page: counted through the key's index, at most one page.
    QStringList placeholders;
    for (int i = 0; i < m_keyColumns.size(); ++i)
        placeholders << QStringLiteral("?");
    const qint64 lastPageRows =
        SqlExec::scalar(db,
                        QStringLiteral("SELECT count(*) FROM %1 WHERE (%2) >= (%3)")
                            .arg(table, keys, placeholders.join(u',')),
                        last)
            .toLongLong();
    const qint64 total = (anchors - 1) * m_pageSize + lastPageRows;
    sink(batch, total);
    return total;
}

QList<QVariantList> TablePager::readPage(QSqlDatabase &db, int page, const Anchor &anchor) const
{
    const QString table = SqlIdentifier::quote(m_table);
    const QString columns = SqlIdentifier::quoteList(m_columns);
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
        query = SqlExec::exec(
            db, QStringLiteral("SELECT %1 FROM %2 LIMIT ? OFFSET ?").arg(columns, table),
            {m_pageSize, qint64(page) * m_pageSize});
    }
    QList<QVariantList> rows;
    const int columnCount = m_columns.size();
    while (query.next()) {
        QVariantList row;
        row.reserve(columnCount);
        for (int i = 0; i < columnCount; ++i)
            row << query.value(i);
        rows << std::move(row);
    }
    return rows;
}
