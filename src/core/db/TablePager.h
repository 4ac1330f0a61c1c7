#pragma once

#include "TableInfo.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QVariantList>
#include <functional>

// Reads a table page by page in a stable order. Tables are paged by keyset (the rowid, or the
// primary key of a WITHOUT ROWID table): each page starts at a known key, so reading page
// 40,000 of a 10,000,000-row table costs the same as page 1. Views have no key and fall back
// to LIMIT/OFFSET.
//
// Sorted by a column or filtered, a rowid table is read through the list of its matching
// rowids in order, found in one pass (which SQLite serves from an index on the sorted column
// as rows arrive, so the first page shows at once; without one it sorts first): a page is then
// its 256 rowids, read by rowid. Other tables and views sorted or filtered use LIMIT/OFFSET.
class TablePager
{
public:
    // How a viewer sorts and filters: a column (into columns()) and its direction, and per
    // column the text of its filter (ColumnFilter), all of them together.
    struct Query
    {
        int sortColumn = -1;
        bool descending = false;
        QHash<int, QString> filters;
        bool isPlain() const;
    };
    // The key of the first row of a page (or, sorted or filtered, the page's rowids).
    using Anchor = QVariantList;
    // Receives anchors as they are found and the rows known so far (a lower bound until the
    // last call, which has the exact total); returns false to stop.
    using AnchorSink = std::function<bool(const QList<Anchor> &anchors, qint64 rowsSoFar)>;

    TablePager(const TableInfo &table, int pageSize);
    TablePager(const TableInfo &table, int pageSize, const Query &query);

    // True when pages are found by a scan before they can be read (anchors); false when any
    // page can be read at once (LIMIT/OFFSET).
    bool usesKeyset() const { return !m_keyColumns.isEmpty() && (m_query.isPlain() || m_byRowids); }
    const Query &query() const { return m_query; }
    // The columns that name a row (the rowid, or a WITHOUT ROWID table's primary key): their
    // values follow columns() in every row read. Empty for views.
    const QStringList &keyColumns() const { return m_keyColumns; }
    int pageSize() const { return m_pageSize; }
    // The columns a viewer shows: every column but virtual tables' hidden ones.
    const QStringList &columns() const { return m_columns; }

    // Finds the first key of every page in one pass and returns the total row count.
    // Anchors reach the sink in batches, the first batch at once, so a viewer can show the
    // first rows before the scan of a large table ends.
    qint64 scan(QSqlDatabase &db, const AnchorSink &sink) const;
    // Rows of one page, values in columns() order then the key's. `anchor` is ignored without
    // a keyset.
    QList<QVariantList> readPage(QSqlDatabase &db, int page, const Anchor &anchor) const;

private:
    qint64 scanRowids(QSqlDatabase &db, const AnchorSink &sink) const;
    // " WHERE …" for the filters (empty without), with their values appended to `bound`.
    QString where(QVariantList *bound) const;
    // " ORDER BY …" for the sort column, then the key.
    QString orderBy() const;

    QString m_table;
    QStringList m_keyColumns;
    QStringList m_columns;
    int m_pageSize;
    Query m_query;
    bool m_byRowids = false; // sorted or filtered, through the list of rowids
};
