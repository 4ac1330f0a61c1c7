#include "DataGridController.h"

#include "FilterHeader.h"
#include "TableDataModel.h"
#include "export/TsvText.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEventLoop>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>

DataGridController::DataGridController(QTableView *view, TableDataModel *model,
                                       QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_view(view), m_model(model), m_dialogParent(dialogParent),
      m_header(new FilterHeader(view))
{
    m_view->setHorizontalHeader(m_header);
    m_header->setDefaultSectionSize(140);
    m_header->setHighlightSections(false);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Tab leaves the grid for the next widget instead of walking millions of cells.
    m_view->setTabKeyNavigation(false);

    auto action = [this](const QString &text, const QKeySequence &keys, bool inGrid) {
        auto *created = new QAction(text, this);
        created->setShortcut(keys);
        if (inGrid) {
            // Only while the grid itself has the focus: Ctrl+C in the query editor, Del in a
            // filter box or in a cell being edited are theirs.
            created->setShortcutContext(Qt::WidgetShortcut);
            m_view->addAction(created);
        }
        return created;
    };
    m_write = action(tr("&Write Changes"), QKeySequence::Save, false);
    m_revert = action(tr("Re&vert Changes"), QKeySequence(tr("Ctrl+Shift+R")), false);
    m_copy = action(tr("&Copy"), QKeySequence::Copy, true);
    m_copyWithHeaders = action(tr("Copy with &Headers"), QKeySequence(tr("Ctrl+Shift+C")), true);
    m_paste = action(tr("&Paste"), QKeySequence::Paste, true);
    m_setNull = action(tr("Set to &NULL"), QKeySequence(tr("Ctrl+Shift+N")), true);
    m_addRow = action(tr("&Add Row"), QKeySequence(tr("Ctrl+Ins")), true);
    m_deleteRows = action(tr("&Delete Rows"), QKeySequence::Delete, true);
    m_goToRow = action(tr("&Go to Row…"), QKeySequence(tr("Ctrl+L")), false);

    connect(m_write, &QAction::triggered, m_model, &TableDataModel::writeChanges);
    connect(m_revert, &QAction::triggered, m_model, &TableDataModel::revertChanges);
    connect(m_copy, &QAction::triggered, this, [this] { copy(false); });
    connect(m_copyWithHeaders, &QAction::triggered, this, [this] { copy(true); });
    connect(m_paste, &QAction::triggered, this, &DataGridController::paste);
    connect(m_setNull, &QAction::triggered, this, [this] {
        for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
            m_model->setData(index, QVariant(), Qt::EditRole);
    });
    connect(m_addRow, &QAction::triggered, this, [this] {
        const int row = m_model->addRow();
        if (row < 0)
            return;
        const QModelIndex first = m_model->index(row, 0);
        m_view->scrollTo(first);
        m_view->setCurrentIndex(first);
        m_view->edit(first);
    });
    connect(m_deleteRows, &QAction::triggered, this,
            [this] { m_model->deleteRows(selectedRows()); });
    connect(m_goToRow, &QAction::triggered, this, [this] {
        if (m_model->rowCount() == 0)
            return;
        bool ok = false;
        const int row =
            QInputDialog::getInt(m_dialogParent, tr("Go to Row"),
                                 tr("Row (1 to %1):").arg(QLocale().toString(m_model->rowCount())),
                                 std::max(1, m_view->rowAt(0) + 1), 1, m_model->rowCount(), 1, &ok);
        if (ok)
            goToRow(row - 1);
    });

    connect(m_header, &QHeaderView::sectionClicked, this, &DataGridController::sortBy);
    connect(m_header, &FilterHeader::filtersChanged, this, &DataGridController::applyFilters);
    connect(m_view, &QWidget::customContextMenuRequested, this, &DataGridController::showMenu);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &DataGridController::rememberPlace);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_header->setColumnCount(m_model->columnCount());
        if (m_model->tableName() != m_placeTable) {
            // Another table: no filters, no sort, from the top.
            m_header->clear();
            m_placeRow = -1;
            m_placeTable = m_model->tableName();
        }
        const TablePager::Query &query = m_model->query();
        m_header->setSortIndicator(query.sortColumn,
                                   query.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        updateActions();
        Q_EMIT positionChanged();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DataGridController::restorePlace);
    connect(m_model, &TableDataModel::pendingChangesChanged, this, [this] {
        updateActions();
        Q_EMIT positionChanged();
    });
    connect(m_model, &TableDataModel::changesWritten, this, [this](qint64 rows) {
        Q_EMIT message(tr("Wrote the changes to %1 (%2 rows changed)")
                           .arg(m_model->tableName(), QLocale().toString(rows)));
        Q_EMIT tableChanged();
    });
    connect(m_model, &TableDataModel::writeFailed, this,
            [this](const QString &reason, const QModelIndex &where) {
                updateActions();
                Q_EMIT message(tr("Nothing was written: %1").arg(reason));
                if (where.isValid()) {
                    m_view->scrollTo(where);
                    m_view->setCurrentIndex(where);
                }
            });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &DataGridController::positionChanged);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &DataGridController::positionChanged);
    updateActions();
}

void DataGridController::addActionsTo(QMenu *menu) const
{
    menu->addActions({m_write, m_revert});
    menu->addSeparator();
    menu->addActions({m_copy, m_copyWithHeaders, m_paste, m_setNull});
    menu->addSeparator();
    menu->addActions({m_addRow, m_deleteRows});
    menu->addSeparator();
    menu->addAction(m_goToRow);
}

void DataGridController::updateActions()
{
    const bool editable = m_model->isEditable() && !m_model->isWriting();
    const bool changes = m_model->pendingChanges() > 0 && !m_model->isWriting();
    m_write->setEnabled(changes);
    m_revert->setEnabled(changes);
    for (QAction *edit : {m_paste, m_setNull, m_addRow, m_deleteRows})
        edit->setEnabled(editable);
}

QString DataGridController::positionText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return tr("no rows");
    const int first = std::max(0, m_view->rowAt(0));
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = rows - 1;
    const QLocale locale;
    return tr("rows %1–%2 of %3")
        .arg(locale.toString(first + 1), locale.toString(last + 1), locale.toString(rows));
}

void DataGridController::sortBy(int column)
{
    // Ascending, descending, then the table's own order again.
    TablePager::Query query = m_model->query();
    if (query.sortColumn != column) {
        query.sortColumn = column;
        query.descending = false;
    } else if (!query.descending) {
        query.descending = true;
    } else {
        query.sortColumn = -1;
    }
    m_changingOrder = true;
    m_model->setQuery(query);
    m_changingOrder = false;
    if (query.sortColumn >= 0)
        Q_EMIT message(tr("Sorting %1 by %2%3…")
                           .arg(m_model->tableName(),
                                m_model->headerData(column, Qt::Horizontal).toString(),
                                query.descending ? tr(", descending") : QString()));
}

void DataGridController::applyFilters()
{
    TablePager::Query query = m_model->query();
    query.filters.clear();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (!m_header->filter(column).trimmed().isEmpty())
            query.filters.insert(column, m_header->filter(column));
    }
    if (query.filters == m_model->query().filters)
        return;
    m_changingOrder = true;
    m_model->setQuery(query);
    m_changingOrder = false;
}

void DataGridController::rememberPlace()
{
    // A new sort or filter starts at the top; a reload of the same rows keeps the place (the
    // one still to go back to, when a second reload comes before the rows).
    if (m_changingOrder) {
        m_placeRow = -1;
        return;
    }
    if (m_placeRow >= 0)
        return;
    m_placeRow = m_view->rowAt(0);
    m_placeColumn = m_view->horizontalScrollBar()->value();
}

void DataGridController::restorePlace()
{
    Q_EMIT positionChanged();
    if (m_placeRow < 0 || m_model->rowCount() <= m_placeRow)
        return;
    // Laid out now: the scroll range must have grown with the new rows before scrolling.
    m_view->doItemsLayout();
    m_view->scrollTo(m_model->index(m_placeRow, 0), QAbstractItemView::PositionAtTop);
    m_view->horizontalScrollBar()->setValue(m_placeColumn);
    m_placeRow = -1;
}

void DataGridController::goToRow(int row)
{
    const QModelIndex index = m_model->index(std::clamp(row, 0, m_model->rowCount() - 1),
                                             std::max(0, m_view->currentIndex().column()));
    m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    m_view->setCurrentIndex(index);
}

QList<int> DataGridController::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void DataGridController::copy(bool withHeaders)
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    // The rectangle around the selection, as spreadsheets copy it.
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex &index : selected) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    if (bottom - top + 1 > MaxCopiedRows) {
        Q_EMIT message(tr("Copy takes at most %1 rows at a time; export the table for more")
                           .arg(QLocale().toString(MaxCopiedRows)));
        return;
    }
    QStringList headers;
    for (int column = left; withHeaders && column <= right; ++column)
        headers << m_model->headerData(column, Qt::Horizontal).toString();
    Q_EMIT message(tr("Copying %1 rows…").arg(QLocale().toString(bottom - top + 1)));
    m_model->readRows(
        top, bottom,
        [this, headers, left, right](const QList<QVariantList> &rows, const QString &error) {
            if (!error.isEmpty()) {
                Q_EMIT message(error);
                return;
            }
            QList<QVariantList> cells;
            for (const QVariantList &row : rows)
                cells << row.mid(left, right - left + 1);
            QApplication::clipboard()->setText(TsvText::write(cells, headers));
            Q_EMIT message(tr("Copied %1 × %2 cells as tab-separated text")
                               .arg(QLocale().toString(cells.size()))
                               .arg(right - left + 1));
        });
}

void DataGridController::paste()
{
    const QList<QStringList> rows = TsvText::read(QApplication::clipboard()->text());
    QModelIndex start = m_view->currentIndex();
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        if (!start.isValid() || index.row() < start.row() ||
            (index.row() == start.row() && index.column() < start.column()))
            start = index;
    }
    if (rows.isEmpty() || !start.isValid())
        return;
    int pasted = 0, skipped = 0;
    for (int r = 0; r < rows.size(); ++r) {
        const int row = start.row() + r;
        // Past the last row, rows are added.
        if (row >= m_model->rowCount() && m_model->addRow() < 0)
            break;
        for (int c = 0; c < rows[r].size(); ++c) {
            const QModelIndex index = m_model->index(row, start.column() + c);
            if (index.isValid() && m_model->setData(index, rows[r][c], Qt::EditRole))
                ++pasted;
            else
                ++skipped;
        }
    }
    Q_EMIT message(skipped == 0
                       ? tr("Pasted %1 cells; Write Changes (Ctrl+S) stores them")
                             .arg(QLocale().toString(pasted))
                       : tr("Pasted %1 cells; %2 could not be changed (outside the "
                            "table, read-only or not loaded)")
                             .arg(QLocale().toString(pasted), QLocale().toString(skipped)));
}

void DataGridController::showMenu(const QPoint &position)
{
    QMenu menu(m_view);
    menu.addActions({m_copy, m_copyWithHeaders, m_paste, m_setNull});
    menu.addSeparator();
    menu.addActions({m_addRow, m_deleteRows});
    menu.addSeparator();
    menu.addActions({m_write, m_revert});
    menu.addSeparator();
    menu.addAction(m_goToRow);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

bool DataGridController::settleChanges(const QString &before)
{
    const int changes = m_model->pendingChanges();
    if (changes == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Changes Not Written"),
                    tr("%1 changes to %2 are not written yet. Write them before %3?")
                        .arg(QLocale().toString(changes), m_model->tableName(), before),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        m_model->revertChanges();
        return true;
    }
    // Written off the GUI thread; the window answers meanwhile.
    QEventLoop wait;
    bool written = false;
    connect(m_model, &TableDataModel::changesWritten, &wait, [&] {
        written = true;
        wait.quit();
    });
    connect(m_model, &TableDataModel::writeFailed, &wait, &QEventLoop::quit);
    m_model->writeChanges();
    if (m_model->isWriting())
        wait.exec();
    return written;
}
