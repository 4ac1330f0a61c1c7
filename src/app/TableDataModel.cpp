#include "TableDataModel.h"

#include "CellDisplay.h"

#include "db/DatabaseConnection.h"
#include "db/RowEdits.h"
#include "db/SqlAffinity.h"
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
} // namespace

TableDataModel::TableDataModel(QObject *parent) : QAbstractTableModel(parent) {}

TableDataModel::~TableDataModel()
{
    stopWork();
}

void TableDataModel::setTable(const QString &databasePath, const TableInfo &table)
{
    const bool same = m_pager && databasePath == m_databasePath && table.name == m_tableName &&
                      TablePager(table, PageSize).columns() == m_columns;
    const bool hadChanges = !m_edits.isEmpty();
    beginResetModel();
    stopWork();
    if (!same) {
        m_query = {};
        m_edits.clear();
        m_failure.clear();
        m_failedPlace = {};
    }
    m_databasePath = databasePath;
    m_tableName = table.name;
    m_table = table;
    m_pager = std::make_shared<const TablePager>(table, PageSize, m_query);
    m_columns = m_pager->columns();
    m_scanComplete = false;
    // A refresh of the same table keeps the new rows marked; another table drops the mark.
    if (table.name != m_highlightTable || table.rowidName().isEmpty())
        m_highlightCount = 0;
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    endResetModel();
    if (hadChanges && m_edits.isEmpty())
        Q_EMIT pendingChangesChanged(0);
    startScan();
}

void TableDataModel::clear()
{
    const bool hadChanges = !m_edits.isEmpty();
    beginResetModel();
    stopWork();
    m_databasePath.clear();
    m_tableName.clear();
    m_table = {};
    m_query = {};
    m_edits.clear();
    m_failure.clear();
    m_failedPlace = {};
    m_pager.reset();
    m_columns.clear();
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    endResetModel();
    if (hadChanges)
        Q_EMIT pendingChangesChanged(0);
}

void TableDataModel::reload()
{
    if (m_pager)
        startOver();
}

void TableDataModel::startOver()
{
    beginResetModel();
    stopWork();
    m_anchors.clear();
    m_pages.clear();
    m_rows = 0;
    m_scanComplete = false;
    endResetModel();
    startScan();
}

void TableDataModel::setQuery(const TablePager::Query &query)
{
    m_query = query;
    if (!m_pager)
        return;
    m_pager = std::make_shared<const TablePager>(m_table, PageSize, m_query);
    startOver();
}

const TablePager::Query &TableDataModel::query() const
{
    return m_query;
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
    return parent.isValid() ? 0 : int(m_rows) + m_edits.addedCount();
}

int TableDataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const QVariantList *TableDataModel::loadedRow(int row) const
{
    const auto found = m_pages.constFind(row / PageSize);
    if (found == m_pages.constEnd() || row % PageSize >= found->size())
        return nullptr;
    return &found->at(row % PageSize);
}

PendingEdits::Key TableDataModel::keyOf(int row) const
{
    const QVariantList *values = loadedRow(row);
    return values ? values->mid(m_columns.size()) : PendingEdits::Key();
}

QVariant TableDataModel::value(int row, int column) const
{
    if (row >= m_rows)
        return m_edits.addedValue(int(row - m_rows), column).value_or(QVariant());
    const QVariantList *values = loadedRow(row);
    if (!values)
        return {};
    const std::optional<QVariant> edited = m_edits.value(values->mid(m_columns.size()), column);
    return edited ? *edited : values->value(column);
}

QVariant TableDataModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    std::optional<QVariant> edited;
    bool removed = false, failed = false;
    QVariant stored;
    if (index.row() >= m_rows) {
        const int added = int(index.row() - m_rows);
        edited = m_edits.addedValue(added, index.column());
        failed = m_failedPlace.added == added;
        if (!edited && role == Qt::DisplayRole)
            return tr("(default)"); // the column's default, or NULL
    } else {
        const QVariantList *values = loadedRow(index.row());
        if (!values) {
            if (role == Qt::DisplayRole)
                requestPage(index.row() / PageSize);
            return {};
        }
        stored = values->value(index.column());
        if (!m_edits.isEmpty() || !m_failure.isEmpty()) {
            const PendingEdits::Key key = values->mid(m_columns.size());
            edited = m_edits.value(key, index.column());
            removed = m_edits.isRemoved(key);
            failed = !m_failure.isEmpty() && m_failedPlace.added < 0 && m_failedPlace.key == key &&
                     (m_failedPlace.column < 0 || m_failedPlace.column == index.column());
        }
    }
    const QVariant value = edited ? *edited : stored;
    switch (role) {
    case Qt::DisplayRole:
        return CellDisplay::text(value);
    case RawValueRole:
        return value;
    case Qt::EditRole:
        // What a person edits: the whole text, numbers in their shortest exact form.
        if (value.typeId() == QMetaType::Double)
            return CellDisplay::text(value);
        return value.isNull() ? QString() : value.toString();
    case Qt::ToolTipRole:
        if (failed)
            return m_failure;
        if (value.typeId() == QMetaType::QString && value.toString().size() > 60)
            return value.toString().left(4000);
        return {};
    case Qt::FontRole: {
        QVariant font = CellDisplay::style(value, role);
        if (removed || (!edited && index.row() >= m_rows)) {
            QFont struck = font.isValid() ? font.value<QFont>() : QFont();
            struck.setStrikeOut(removed);
            struck.setItalic(!removed);
            return struck;
        }
        return font;
    }
    case Qt::ForegroundRole:
        if (removed || (!edited && index.row() >= m_rows))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return CellDisplay::style(value, role);
    case Qt::BackgroundRole:
        if (failed)
            return QBrush(QColor(0xf4, 0xc7, 0xc3)); // refused by SQLite
        if (removed)
            return QBrush(QColor(0xe8, 0xe8, 0xe8));
        if (edited || index.row() >= m_rows)
            return QBrush(QColor(0xff, 0xf1, 0xb8)); // changed, not written yet
        if (isHighlighted(index.row())) {
            QColor colour = QPalette().color(QPalette::Highlight);
            colour.setAlpha(48);
            return QBrush(colour);
        }
        return {};
    case Qt::TextAlignmentRole:
        return CellDisplay::style(value, role);
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
    if (section >= m_rows)
        return QStringLiteral("+"); // added, not written yet
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
    // The newest rows are the last ones only in rowid order.
    return m_scanComplete && m_highlightCount > 0 && m_tableName == m_highlightTable &&
           m_query.isPlain() && row < m_rows && row >= m_rows - m_highlightCount;
}

bool TableDataModel::isEditable() const
{
    return m_pager && m_table.kind == TableInfo::Table && !m_pager->keyColumns().isEmpty();
}

Qt::ItemFlags TableDataModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid() || !isEditable() || m_writing)
        return flags;
    // BLOBs are shown, not typed; rows being deleted are left alone.
    if (index.row() < m_rows) {
        const QVariantList *values = loadedRow(index.row());
        if (!values || values->value(index.column()).typeId() == QMetaType::QByteArray ||
            m_edits.isRemoved(values->mid(m_columns.size())))
            return flags;
    }
    const ColumnInfo *column = m_table.column(m_columns.value(index.column()));
    if (column && column->generated != ColumnInfo::NotGenerated)
        return flags; // SQLite computes it
    return flags | Qt::ItemIsEditable;
}

bool TableDataModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    // An invalid QVariant is NULL (Set to NULL); text is stored with the column's affinity.
    QVariant typed = value;
    if (value.typeId() == QMetaType::QString) {
        const ColumnInfo *column = m_table.column(m_columns.value(index.column()));
        typed =
            SqlAffinity::valueOf(value.toString(), column ? column->affinity : SqlAffinity::Blob);
    }
    if (index.row() >= m_rows) {
        m_edits.setAdded(int(index.row() - m_rows), index.column(), typed);
    } else {
        const QVariantList *values = loadedRow(index.row());
        if (!values)
            return false;
        m_edits.set(values->mid(m_columns.size()), index.column(), typed,
                    values->value(index.column()));
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT pendingChangesChanged(m_edits.count());
    return true;
}

void TableDataModel::deleteRows(QList<int> rows)
{
    if (!isEditable() || m_writing)
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : std::as_const(rows)) {
        if (row >= rowCount())
            continue;
        if (row >= m_rows) {
            beginRemoveRows({}, row, row);
            m_edits.dropAdded(int(row - m_rows));
            endRemoveRows();
            continue;
        }
        const PendingEdits::Key key = keyOf(row);
        if (key.isEmpty())
            continue;
        m_edits.remove(key);
        Q_EMIT dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
    }
    Q_EMIT pendingChangesChanged(m_edits.count());
}

int TableDataModel::addRow()
{
    if (!isEditable() || m_writing)
        return -1;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_edits.add();
    endInsertRows();
    Q_EMIT pendingChangesChanged(m_edits.count());
    return row;
}

void TableDataModel::readRows(int first, int last, const RowsReady &done)
{
    last = std::min(last, rowCount() - 1);
    if (!m_pager || first > last) {
        done({}, {});
        return;
    }
    const int lastStored = int(std::min<qint64>(last, m_rows - 1));
    QList<std::pair<int, TablePager::Anchor>> pages;
    for (int page = first / PageSize; first < m_rows && page <= lastStored / PageSize; ++page) {
        if (m_pager->usesKeyset() && page >= m_anchors.size()) {
            done({}, tr("The rows are still being counted; try again in a moment"));
            return;
        }
        pages << std::make_pair(page,
                                m_pager->usesKeyset() ? m_anchors.at(page) : TablePager::Anchor());
    }
    struct Outcome
    {
        QList<QVariantList> rows;
        QString error;
    };
    const quint64 generation = m_generation;
    Background::run(
        this, TaskPools::longRunning(),
        [path = m_databasePath, pager = m_pager, pages, first, lastStored] {
            Outcome outcome;
            try {
                DatabaseConnection connection(path);
                for (const auto &[page, anchor] : pages) {
                    const QList<QVariantList> rows =
                        pager->readPage(connection.database(), page, anchor);
                    for (int i = 0; i < rows.size(); ++i) {
                        const int row = page * PageSize + i;
                        if (row >= first && row <= lastStored)
                            outcome.rows << rows[i];
                    }
                }
            } catch (const RowforgeError &error) {
                outcome.error = error.message();
            }
            return outcome;
        },
        [this, done, generation, first, last](const Outcome &outcome) {
            if (generation != m_generation) {
                done({}, tr("The table changed while its rows were read; try again"));
                return;
            }
            QList<QVariantList> rows;
            for (const QVariantList &stored : outcome.rows) {
                const PendingEdits::Key key = stored.mid(m_columns.size());
                QVariantList row = stored.mid(0, m_columns.size());
                for (int c = 0; c < row.size(); ++c) {
                    if (const std::optional<QVariant> edited = m_edits.value(key, c))
                        row[c] = *edited;
                }
                rows << row;
            }
            for (int row = std::max<int>(first, int(m_rows)); row <= last; ++row) {
                QVariantList values;
                for (int c = 0; c < m_columns.size(); ++c)
                    values << value(row, c);
                rows << values;
            }
            done(rows, outcome.error);
        });
}

void TableDataModel::revertChanges()
{
    if (m_writing)
        return;
    if (m_edits.addedCount() > 0) {
        beginRemoveRows({}, int(m_rows), rowCount() - 1);
        while (m_edits.addedCount() > 0)
            m_edits.dropAdded(0);
        endRemoveRows();
    }
    m_edits.clear();
    m_failure.clear();
    m_failedPlace = {};
    if (m_rows > 0 && !m_columns.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows) - 1, int(m_columns.size()) - 1));
    Q_EMIT pendingChangesChanged(0);
}

int TableDataModel::rowOf(const PendingEdits::Place &place) const
{
    if (place.added >= 0)
        return int(m_rows) + place.added;
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).mid(m_columns.size()) == place.key)
                return it.key() * PageSize + i;
        }
    }
    return -1;
}

void TableDataModel::writeChanges()
{
    if (m_edits.isEmpty() || m_writing || !m_pager)
        return;
    QList<PendingEdits::Place> places;
    const QList<RowEdits::Change> changes = m_edits.changes(m_columns, &places);
    struct Outcome
    {
        qint64 rows = 0;
        RowEdits::Failure failure;
        QString error;
    };
    m_writing = true;
    Background::run(
        this, TaskPools::longRunning(),
        [path = m_databasePath, table = m_table, keys = m_pager->keyColumns(), changes] {
            Outcome outcome;
            try {
                DatabaseConnection connection(path);
                outcome.rows =
                    RowEdits::apply(connection.database(), table, keys, changes, &outcome.failure);
            } catch (const RowforgeError &error) {
                outcome.error = error.message();
            }
            return outcome;
        },
        [this, places](const Outcome &outcome) {
            m_writing = false;
            if (!outcome.error.isEmpty()) {
                Q_EMIT writeFailed(outcome.error, {});
                return;
            }
            if (outcome.failure.change >= 0) {
                // Nothing was written: the refused change is marked, with SQLite's reason.
                m_failedPlace = places.value(outcome.failure.change);
                m_failure = outcome.failure.message;
                const int row = rowOf(m_failedPlace);
                const QModelIndex where =
                    row < 0 ? QModelIndex() : index(row, std::max(0, m_failedPlace.column));
                if (row >= 0)
                    Q_EMIT dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
                Q_EMIT writeFailed(m_failure, where);
                return;
            }
            m_edits.clear();
            m_failure.clear();
            m_failedPlace = {};
            startOver(); // the rows as stored now (added rows get their keys and defaults)
            Q_EMIT pendingChangesChanged(0);
            Q_EMIT changesWritten(outcome.rows);
        });
}
