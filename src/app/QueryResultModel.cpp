#include "QueryResultModel.h"

#include "CellDisplay.h"

#include <QLocale>

void QueryResultModel::setResult(const QStringList &header, const QList<QVariantList> &rows,
                                 qint64 total)
{
    beginResetModel();
    m_header = header;
    m_rows = rows;
    m_total = std::max<qint64>(total, rows.size());
    m_fetching = false;
    endResetModel();
}

void QueryResultModel::appendRows(const QList<QVariantList> &rows)
{
    m_fetching = false;
    const qint64 room = std::min(m_total, MaxLoaded) - m_rows.size();
    const int adding = int(std::min<qint64>(rows.size(), room));
    if (adding <= 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()) + adding - 1);
    m_rows.append(rows.mid(0, adding));
    endInsertRows();
}

bool QueryResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_rows.size() < std::min(m_total, MaxLoaded);
}

void QueryResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT moreRowsWanted(m_rows.size());
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
        return CellDisplay::text(value);
    case Qt::EditRole:
        return value;
    case Qt::FontRole:
    case Qt::ForegroundRole:
    case Qt::TextAlignmentRole:
        return CellDisplay::style(value, role);
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
