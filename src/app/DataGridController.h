#pragma once

#include <QObject>
#include <QString>

class FilterHeader;
class QAction;
class QMenu;
class QTableView;
class TableDataModel;

// What the data view does beyond showing rows: sort by a column (click its header: ascending,
// descending, none), filter by the boxes under the headers, edit cells (double-click, F2 or
// typing), Set to NULL, add and delete rows, Write Changes (one transaction) and Revert
// Changes, copy a range as tab-separated text (with the headers on request), paste into the
// grid, go to a row; a context menu with all of it. The view keeps its place when the table
// is read again.
class DataGridController : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxCopiedRows = 1000000;

    DataGridController(QTableView *view, TableDataModel *model, QWidget *dialogParent,
                       QObject *parent);

    FilterHeader *filterHeader() const { return m_header; }
    QAction *writeAction() const { return m_write; }
    QAction *revertAction() const { return m_revert; }
    QAction *copyAction() const { return m_copy; }
    QAction *copyWithHeadersAction() const { return m_copyWithHeaders; }
    QAction *pasteAction() const { return m_paste; }
    QAction *setNullAction() const { return m_setNull; }
    QAction *addRowAction() const { return m_addRow; }
    QAction *deleteRowsAction() const { return m_deleteRows; }
    QAction *goToRowAction() const { return m_goToRow; }
    // The actions for a menu (the window's Edit menu).
    void addActionsTo(QMenu *menu) const;
    // "rows 1–27 of 240" for the rows on screen.
    QString positionText() const;

    // Asks whether to write or drop changes not yet written; false if the user cancels.
    bool settleChanges(const QString &before);

    void copy(bool withHeaders);
    void paste();
    void goToRow(int row); // 0-based

Q_SIGNALS:
    void message(const QString &text);
    void positionChanged();
    // Rows were written: the tree's counts may have changed.
    void tableChanged();

private:
    void sortBy(int column);
    void applyFilters();
    void updateActions();
    void rememberPlace();
    void restorePlace();
    void showMenu(const QPoint &position);
    QList<int> selectedRows() const;

    QTableView *m_view;
    TableDataModel *m_model;
    QWidget *m_dialogParent;
    FilterHeader *m_header;
    QAction *m_write, *m_revert, *m_copy, *m_copyWithHeaders, *m_paste, *m_setNull, *m_addRow,
        *m_deleteRows, *m_goToRow;
    QString m_placeTable; // the table whose place is kept across a reload
    int m_placeRow = -1, m_placeColumn = 0;
    bool m_changingOrder = false; // a sort or filter is being applied
};
