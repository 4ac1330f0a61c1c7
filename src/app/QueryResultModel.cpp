#include "QueryResultModel.h"

#include "TableDataModel.h"

#include <QLocale>

void QueryResultModel::setResult(const QStringList &header, const QList<QVariantList> &rows)
{
    beginResetModel();
    m_header = header;
    m_rows = rows;
    endResetModel();
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QVariant value = m_rows[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return TableDataModel::displayText(value);
    case Qt::EditRole:
        return value;
    case Qt::FontRole:
    case Qt::ForegroundRole:
    case Qt::TextAlignmentRole:
        return TableDataModel::valueStyle(value, role);
    default:
        return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_header.value(section);
    return QLocale().toString(section + 1);
}
