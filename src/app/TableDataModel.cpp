#include "TableDataModel.h"

#include "db/DatabaseConnection.h"
#include "util/Background.h"
#include "util/RowforgeError.h"

#include "util/TaskPools.h"
#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QPromise>

#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace {
constexpr int MaxPendingPages = 12; // requests older than a screenful of scrolling are dropped
constexpr int MaxDisplayLength = 300;
} // namespace

TableDataModel::TableDataModel(QObject *parent) : QAbstractTableModel(parent) {}

TableDataModel::~TableDataModel()
{
    stopWork();
}

void TableDataModel::setTable(const QString &databasePath, const TableInfo &table)
{
    beginResetModel();
    stopWork();
    m_databasePath = databasePath;
    m_tableName = table.name;
    m_pager = std::make_shared<const TablePager>(table, PageSize);
    m_columns = m_pager->columns();
    m_scanComplete = false;
    // A refresh of the same table keeps the new rows marked; another table drops the mark.
    if (table.name != m_highlightTable || table.rowidName().isEmpty())
        m_highlightCount = 0;
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    endResetModel();
    startScan();
}

void TableDataModel::clear()
{
    beginResetModel();
    stopWork();
    m_databasePath.clear();
    m_tableName.clear();
    m_pager.reset();
    m_columns.clear();
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    endResetModel();
}

void TableDataModel::reload()
{
    if (!m_pager)
        return;
    beginResetModel();
    stopWork();
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    endResetModel();
    startScan();
}

void TableDataModel::stopWork()
{
    ++m_generation; // results of loads already running are ignored when they arrive
    m_pendingPages.clear();
    m_pageLoading = false;
    if (m_scanWatcher) {
        m_scanWatcher->disconnect(this);
        m_scanWatcher->cancel();
        m_scanWatcher->deleteLater();
        m_scanWatcher = nullptr;
    }
}

void TableDataModel::startScan()
{
    const QString path = m_databasePath;
    const std::shared_ptr<const TablePager> pager = m_pager;
    m_scanWatcher = new QFutureWatcher<ScanBatch>(this);
    connect(m_scanWatcher, &QFutureWatcher<ScanBatch>::resultsReadyAt, this,
            &TableDataModel::applyScanBatches);
    m_scanWatcher->setFuture(
        QtConcurrent::run(TaskPools::longRunning(), [path, pager](QPromise<ScanBatch> &promise) {
            try {
                DatabaseConnection connection(path);
                const qint64 total = pager->scan(
                    connection.database(), [&promise](const auto &anchors, qint64 rows) {
                        promise.addResult(ScanBatch{anchors, rows, false, {}});
                        return !promise.isCanceled();
                    });
                if (total >= 0)
                    promise.addResult(ScanBatch{{}, total, true, {}});
            } catch (const RowforgeError &error) {
                promise.addResult(ScanBatch{{}, 0, true, error.message()});
            }
        }));
}

void TableDataModel::applyScanBatches(int begin, int end)
{
    if (!m_scanWatcher)
        return;
    for (int i = begin; i < end; ++i) {
        const ScanBatch batch = m_scanWatcher->resultAt(i);
        m_anchors << batch.anchors;
        // QAbstractItemModel counts rows in int; beyond that the view shows the first 2^31-1.
        const qint64 rows = std::min<qint64>(batch.rows, std::numeric_limits<int>::max());
        if (rows > m_rows) {
            beginInsertRows({}, int(m_rows), int(rows - 1));
            m_rows = rows;
            endInsertRows();
        } else if (rows < m_rows) { // the table shrank while it was scanned
            beginRemoveRows({}, int(rows), int(m_rows - 1));
            m_rows = rows;
            endRemoveRows();
        }
        if (batch.done) {
            m_scanWatcher->deleteLater();
            m_scanWatcher = nullptr;
            m_scanComplete = true;
            if (m_highlightCount > 0 && m_rows > 0)
                Q_EMIT dataChanged(index(int(std::max<qint64>(0, m_rows - m_highlightCount)), 0),
                                   index(int(m_rows - 1), int(m_columns.size()) - 1),
                                   {Qt::BackgroundRole});
            if (batch.error.isEmpty())
                Q_EMIT scanFinished(batch.rows);
            else
                Q_EMIT loadFailed(batch.error);
            return;
        }
    }
}

int TableDataModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows);
}

int TableDataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString TableDataModel::displayText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return tr("BLOB (%1 bytes)").arg(QLocale().toString(value.toByteArray().size()));
    case QMetaType::Double: {
        // A whole REAL keeps ".0", so 0.0 is not mistaken for the INTEGER 0.
        QString text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e') && std::isfinite(value.toDouble()))
            text += QStringLiteral(".0");
        return text;
    }
    case QMetaType::QString: {
        QString text = value.toString();
        if (text.size() > MaxDisplayLength)
            text = text.left(MaxDisplayLength) + QStringLiteral("…");
        text.replace(u'\n', QStringLiteral("⏎"));
        text.remove(u'\r');
        return text;
    }
    default:
        return value.toString();
    }
}

QVariant TableDataModel::valueStyle(const QVariant &value, int role)
{
    const bool greyed = value.isNull() || value.typeId() == QMetaType::QByteArray;
    switch (role) {
    case Qt::FontRole:
        if (greyed) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return greyed ? QVariant(QBrush(QPalette().color(QPalette::Disabled, QPalette::Text)))
                      : QVariant();
    case Qt::TextAlignmentRole:
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int ||
            value.typeId() == QMetaType::Double)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant TableDataModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const int page = index.row() / PageSize;
    const auto found = m_pages.constFind(page);
    if (found == m_pages.constEnd()) {
        if (role == Qt::DisplayRole)
            requestPage(page);
        return {};
    }
    const int offset = index.row() % PageSize;
    if (offset >= found->size())
        return {};
    const QVariant value = found->at(offset).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value);
    case RawValueRole:
    case Qt::EditRole:
        return value;
    case Qt::ToolTipRole:
        if (value.typeId() == QMetaType::QString && value.toString().size() > 60)
            return value.toString().left(4000);
        return {};
    case Qt::FontRole:
    case Qt::ForegroundRole:
        return valueStyle(value, role);
    case Qt::BackgroundRole:
        if (isHighlighted(index.row())) {
            QColor colour = QPalette().color(QPalette::Highlight);
            colour.setAlpha(48);
            return QBrush(colour);
        }
        return {};
    case Qt::TextAlignmentRole:
        return valueStyle(value, role);
    default:
        return {};
    }
}

QVariant TableDataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_columns.value(section);
    return QLocale().toString(section + 1);
}

void TableDataModel::requestPage(int page) const
{
    if (m_pendingPages.contains(page))
        return;
    m_pendingPages.append(page);
    while (m_pendingPages.size() > MaxPendingPages)
        m_pendingPages.removeFirst();
    if (!m_pageLoading)
        const_cast<TableDataModel *>(this)->loadNextPage();
}

void TableDataModel::loadNextPage()
{
    if (!m_pager)
        return;
    // The newest request first: after a fast scroll, the rows now on screen load before the
    // ones the view passed on the way.
    int page = -1;
    while (page < 0 && !m_pendingPages.isEmpty()) {
        const int candidate = m_pendingPages.takeLast();
        const bool reachable = !m_pager->usesKeyset() || candidate < m_anchors.size();
        if (reachable && !m_pages.contains(candidate))
            page = candidate;
    }
    if (page < 0)
        return;
    const TablePager::Anchor anchor =
        m_pager->usesKeyset() ? m_anchors.at(page) : TablePager::Anchor();
    const QString path = m_databasePath;
    const std::shared_ptr<const TablePager> pager = m_pager;
    const quint64 generation = m_generation;
    m_pageLoading = true;
    Background::run(
        this,
        [path, pager, page, anchor] {
            Page result;
            result.page = page;
            try {
                DatabaseConnection connection(path);
                result.rows = pager->readPage(connection.database(), page, anchor);
            } catch (const RowforgeError &error) {
                result.error = error.message();
            }
            return result;
        },
        [this, generation](const Page &result) {
            if (generation != m_generation)
                return;
            m_pageLoading = false;
            storePage(result);
            loadNextPage();
        });
}

void TableDataModel::storePage(const Page &result)
{
    if (!result.error.isEmpty()) {
        Q_EMIT loadFailed(result.error);
        return;
    }
    if (m_pages.size() >= CachedPages) {
        // Evict the page farthest from the one arriving: the user is looking near it.
        int farthest = m_pages.constBegin().key();
        for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
            if (std::abs(it.key() - result.page) > std::abs(farthest - result.page))
                farthest = it.key();
        }
        m_pages.remove(farthest);
    }
    m_pages.insert(result.page, result.rows);
    const int first = result.page * PageSize;
    const int last = int(std::min<qint64>(m_rows, qint64(first) + PageSize)) - 1;
    if (last >= first && !m_columns.isEmpty())
        Q_EMIT dataChanged(index(first, 0), index(last, int(m_columns.size()) - 1));
}

void TableDataModel::highlightNewestRows(const QString &table, qint64 count)
{
    m_highlightTable = table;
    m_highlightCount = count;
    if (table == m_tableName && m_scanComplete && m_rows > 0)
        Q_EMIT dataChanged(index(int(std::max<qint64>(0, m_rows - count)), 0),
                           index(int(m_rows - 1), int(m_columns.size()) - 1), {Qt::BackgroundRole});
}

void TableDataModel::clearHighlight()
{
    const qint64 count = m_highlightCount;
    m_highlightCount = 0;
    if (count > 0 && m_rows > 0)
        Q_EMIT dataChanged(index(int(std::max<qint64>(0, m_rows - count)), 0),
                           index(int(m_rows - 1), int(m_columns.size()) - 1), {Qt::BackgroundRole});
}

bool TableDataModel::isHighlighted(int row) const
{
    return m_scanComplete && m_highlightCount > 0 && m_tableName == m_highlightTable &&
           row >= m_rows - m_highlightCount;
}
