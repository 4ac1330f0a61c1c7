#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

// The rows a query returned, shown as the data view shows a table's (TableDataModel's
// display rules: NULL and BLOBs greyed, numbers to the right). A long result arrives a page
// at a time: the first with the run, the next ones asked for (moreRowsWanted) as the view
// scrolls to the end of what it has, up to MaxLoaded rows.
class QueryResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr qint64 MaxLoaded = 1000000;

    using QAbstractTableModel::QAbstractTableModel;

    // `total`: all the rows the query returns (rows.size() when there are no more to fetch).
    void setResult(const QStringList &header, const QList<QVariantList> &rows, qint64 total);
    void clear() { setResult({}, {}, 0); }
    // The page asked for by moreRowsWanted, or nothing (it failed): either way the next can
    // be asked for.
    void appendRows(const QList<QVariantList> &rows);
    qint64 totalRows() const { return m_total; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Rows from `offset` on are wanted; answer with appendRows.
    void moreRowsWanted(qint64 offset);

private:
    QStringList m_header;
    QList<QVariantList> m_rows;
    qint64 m_total = 0;
    bool m_fetching = false;
};
