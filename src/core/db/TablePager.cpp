#include "TablePager.h"

#include "SqlExec.h"
#include "SqlIdentifier.h"
#include "util/RowforgeError.h"

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
