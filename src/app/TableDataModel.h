#pragma once

#include "db/TablePager.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <memory>

// The rows of one table, read lazily off the GUI thread. A background scan finds the key
// that starts each page (rows appear while it runs); pages are then read by keyset as the
// view asks for them and kept in a small cache. A 10,000,000-row table opens at once.
class TableDataModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 64;
    enum Roles { RawValueRole = Qt::UserRole + 1 };

    explicit TableDataModel(QObject *parent = nullptr);
    ~TableDataModel() override;

    void setTable(const QString &databasePath, const TableInfo &table);
    void clear();
    // Reads the table again (after it changed), keeping the columns if they did not change.
    void reload();
    QString tableName() const { return m_tableName; }
    bool isScanning() const { return m_scanWatcher != nullptr; }
    bool isPageLoaded(int row) const { return m_pages.contains(row / PageSize); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString displayText(const QVariant &value);
    // How a value looks (Qt::FontRole, ForegroundRole, TextAlignmentRole): NULL and BLOBs
    // greyed and italic, numbers to the right.
    static QVariant valueStyle(const QVariant &value, int role);

    // Marks the last `count` rows of `table` as just generated (a rowid table shows them last,
    // in rowid order): they are highlighted until another table is shown or clearHighlight().
    void highlightNewestRows(const QString &table, qint64 count);
    void clearHighlight();
    bool isHighlighted(int row) const;

Q_SIGNALS:
    void scanFinished(qint64 rows);
    void loadFailed(const QString &message);

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

    QString m_databasePath;
    QString m_tableName;
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
