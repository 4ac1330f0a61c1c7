#pragma once

#include "TableInfo.h"

#include <QList>
#include <QSqlDatabase>
#include <QVariantList>
#include <functional>

// Reads a table page by page in a stable order. Tables are paged by keyset (the rowid, or the
// primary key of a WITHOUT ROWID table): each page starts at a known key, so reading page
// 40,000 of a 10,000,000-row table costs the same as page 1. Views have no key and fall back
// to LIMIT/OFFSET.
class TablePager
{
public:
    using Anchor = QVariantList; // key of the first row of a page
    // Receives anchors as they are found and the rows known so far (a lower bound until the
    // last call, which has the exact total); returns false to stop.
    using AnchorSink = std::function<bool(const QList<Anchor> &anchors, qint64 rowsSoFar)>;

    TablePager(const TableInfo &table, int pageSize);

    bool usesKeyset() const { return !m_keyColumns.isEmpty(); }
    int pageSize() const { return m_pageSize; }
    // The columns a viewer shows: every column but virtual tables' hidden ones.
    const QStringList &columns() const { return m_columns; }

    // Finds the first key of every page in one pass and returns the total row count.
    // Anchors reach the sink in batches, the first batch at once, so a viewer can show the
    // first rows before the scan of a large table ends.
    qint64 scan(QSqlDatabase &db, const AnchorSink &sink) const;
    // Rows of one page, values in columns() order. `anchor` is ignored without a keyset.
    QList<QVariantList> readPage(QSqlDatabase &db, int page, const Anchor &anchor) const;

private:
    QString m_table;
    QStringList m_keyColumns;
    QStringList m_columns;
    int m_pageSize;
};
