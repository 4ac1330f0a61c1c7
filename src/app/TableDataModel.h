#pragma once

#include "db/PendingEdits.h"
#include "db/TablePager.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <functional>
#include <memory>

// The rows of one table, read lazily off the GUI thread. A background scan finds the key
// that starts each page (rows appear while it runs); pages are then read by keyset as the
// view asks for them and kept in a small cache. A 10,000,000-row table opens at once. It can
// be sorted by a column and filtered (TablePager::Query), and edited: values set, rows
// deleted and added wait (PendingEdits, shown marked) until writeChanges() writes them all in
// one transaction, or revertChanges() drops them.
class TableDataModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 64;
    enum Roles { RawValueRole = Qt::UserRole + 1 };

    explicit TableDataModel(QObject *parent = nullptr);
    ~TableDataModel() override;

    // Another table starts unsorted, unfiltered and unchanged; the same table again (after a
    // refresh) keeps its sort, filters and changes not yet written.
    void setTable(const QString &databasePath, const TableInfo &table);
    void clear();
    // Reads the table again (after it changed), keeping the columns if they did not change.
    void reload();
    QString tableName() const { return m_tableName; }
    bool isScanning() const { return m_scanWatcher != nullptr; }
    bool isPageLoaded(int row) const { return m_pages.contains(row / PageSize); }

    // Sorting and filtering: the rows are read again in that order.
    void setQuery(const TablePager::Query &query);
    const TablePager::Query &query() const;

    // Editing. Tables with a key (the rowid, or a primary key) can be edited; views cannot.
    bool isEditable() const;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: the value as a person types it (text); it is stored with the column's affinity.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // Deletes existing rows (marked until written) and drops added ones.
    void deleteRows(QList<int> rows);
    // Adds an empty row at the end (its columns get their defaults unless given); its row.
    int addRow();
    int pendingChanges() const { return m_edits.count(); }
    bool isWriting() const { return m_writing; }
    void revertChanges();
    void writeChanges();
    // The stored value of a cell (with the change not yet written, if any).
    QVariant value(int row, int column) const;
    bool isAddedRow(int row) const { return row >= m_rows; }
    // Rows first..last as shown (values in columns() order, changes not yet written
    // included), read off the GUI thread; `done` gets them, or the error.
    using RowsReady = std::function<void(const QList<QVariantList> &rows, const QString &error)>;
    void readRows(int first, int last, const RowsReady &done);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Marks the last `count` rows of `table` as just generated (a rowid table shows them last,
    // in rowid order): they are highlighted until another table is shown or clearHighlight().
    void highlightNewestRows(const QString &table, qint64 count);
    void clearHighlight();
    bool isHighlighted(int row) const;

Q_SIGNALS:
    void scanFinished(qint64 rows);
    void loadFailed(const QString &message);
    void pendingChangesChanged(int count);
    void changesWritten(qint64 rows);
    // SQLite refused a change: nothing was written; the cell (or row) is marked with `message`.
    void writeFailed(const QString &message, const QModelIndex &where);

private:
    struct ScanBatch
    {
        QList<TablePager::Anchor> anchors;
        qint64 rows = 0;
        bool done = false;
        QString error;
    };
    struct Page
    {
        int page = 0;
        QList<QVariantList> rows;
        QString error;
    };

    void startScan();
    void stopWork();
    void applyScanBatches(int begin, int end);
    void requestPage(int page) const;
    void loadNextPage();
    void storePage(const Page &page);
    // The key of an existing row whose page is loaded (empty otherwise).
    PendingEdits::Key keyOf(int row) const;
    // The row a change's place is shown in, or -1 when it is not on a loaded page.
    int rowOf(const PendingEdits::Place &place) const;
    const QVariantList *loadedRow(int row) const;
    void startOver(); // reads the rows again with the current pager

    QString m_databasePath;
    QString m_tableName;
    TableInfo m_table;
    TablePager::Query m_query;
    PendingEdits m_edits;
    bool m_writing = false;
    PendingEdits::Place m_failedPlace; // where the last write was refused
    QString m_failure;
    std::shared_ptr<const TablePager> m_pager;
    QStringList m_columns;
    QList<TablePager::Anchor> m_anchors;
    qint64 m_rows = 0;
    quint64 m_generation = 0;
    QFutureWatcher<ScanBatch> *m_scanWatcher = nullptr;
    // Page bookkeeping changes inside const data(): it is a cache, not model state.
    mutable QHash<int, QList<QVariantList>> m_pages;
    QString m_highlightTable;
    qint64 m_highlightCount = 0;
    bool m_scanComplete = false;
    mutable QList<int> m_pendingPages; // newest request last
    mutable bool m_pageLoading = false;
};
