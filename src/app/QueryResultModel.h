#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

// The rows a query returned, shown as the data view shows a table's (TableDataModel's
// display rules: NULL and BLOBs greyed, numbers to the right).
class QueryResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const QStringList &header, const QList<QVariantList> &rows);
    void clear() { setResult({}, {}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<QVariantList> m_rows;
};
