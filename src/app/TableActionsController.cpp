#include "TableActionsController.h"

#include "db/TableReferences.h"

#include "DatabaseSession.h"
#include "IconLibrary.h"
#include "SchemaTreeModel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>

TableActionsController::TableActionsController(const Actions &actions, QTreeView *tree,
                                               SchemaTreeModel *model, DatabaseSession *session,
                                               QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_actions(actions), m_tree(tree), m_model(model), m_session(session),
      m_dialogParent(dialogParent)
{
    m_actions.importFiles->setIcon(IconLibrary::icon(IconLibrary::Import));
    m_actions.generate->setIcon(IconLibrary::icon(IconLibrary::Generate));
    m_actions.exportCsv->setIcon(IconLibrary::icon(IconLibrary::Export));
    m_actions.deleteTable->setIcon(IconLibrary::icon(IconLibrary::Delete));
    m_actions.refresh->setIcon(IconLibrary::icon(IconLibrary::Refresh));
    // Del deletes a table only while the tree has the focus, never from the data view.
    m_actions.deleteTable->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(m_actions.deleteTable);

    connect(m_actions.importFiles, &QAction::triggered, this,
            &TableActionsController::importRequested);
    connect(m_actions.generate, &QAction::triggered, this, [this] {
        if (!m_currentTable.isEmpty())
            Q_EMIT generateRequested(m_currentTable);
    });
    connect(m_actions.generateDialog, &QAction::triggered, this, [this] {
        if (!m_currentTable.isEmpty())
            Q_EMIT generateDialogRequested(m_currentTable);
    });
    connect(m_actions.exportCsv, &QAction::triggered, this, [this] {
        if (!m_currentTable.isEmpty())
            Q_EMIT exportRequested(m_currentTable);
    });
    connect(m_actions.deleteTable, &QAction::triggered, this,
            &TableActionsController::confirmDeleteTable);
    connect(m_actions.refresh, &QAction::triggered, m_session, &DatabaseSession::refresh);
    connect(m_tree, &QWidget::customContextMenuRequested, this,
            &TableActionsController::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TableActionsController::updateCurrentTable);
    // Rows removed from the tree (a table dropped) may take the current table with them.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            &TableActionsController::updateCurrentTable);
    connect(m_session, &DatabaseSession::opened, this, &TableActionsController::updateActions);
    connect(m_session, &DatabaseSession::closed, this, &TableActionsController::updateActions);
    updateActions();
}

void TableActionsController::selectTable(const QString &name)
{
    const QModelIndex index = m_model->indexOfTable(name);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void TableActionsController::updateCurrentTable()
{
    const TableInfo *table = m_model->tableAt(m_tree->currentIndex());
    const QString name = table ? table->name : QString();
    if (name != m_currentTable) {
        m_currentTable = name;
        Q_EMIT currentTableChanged(name);
    }
    updateActions();
}

void TableActionsController::updateActions()
{
    const TableInfo *table = m_session->table(m_currentTable);
    const bool isTable = table && table->kind == TableInfo::Table;
    // Import makes new tables, so it needs only an open database; the rest act on a table.
    m_actions.importFiles->setEnabled(m_session->isOpen());
    m_actions.refresh->setEnabled(m_session->isOpen());
    m_actions.generate->setEnabled(isTable && !m_generating.contains(m_currentTable));
    m_actions.generateDialog->setEnabled(m_actions.generate->isEnabled());
    m_actions.exportCsv->setEnabled(table != nullptr);
    m_actions.deleteTable->setEnabled(table != nullptr);
    m_actions.deleteTable->setText(table && table->kind == TableInfo::View ? tr("&Delete View…")
                                                                           : tr("&Delete Table…"));
}

void TableActionsController::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu(m_tree);
    menu.addAction(m_actions.generate);
    menu.addAction(m_actions.generateDialog);
    menu.addAction(m_actions.exportCsv);
    menu.addSeparator();
    menu.addAction(m_actions.importFiles);
    menu.addSeparator();
    menu.addAction(m_actions.deleteTable);
    // A table's, view's, index's or trigger's statement, to read or to run elsewhere.
    const QString statement = index.data(SchemaTreeModel::CreateStatementRole).toString();
    if (!statement.isEmpty()) {
        menu.addSeparator();
        QAction *copy = menu.addAction(tr("Copy &CREATE Statement"));
        copy->setObjectName(QStringLiteral("copyCreateStatement"));
        connect(copy, &QAction::triggered, this,
                [statement] { QGuiApplication::clipboard()->setText(statement + u';'); });
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void TableActionsController::confirmDeleteTable()
{
    const TableInfo *table = m_session->table(m_currentTable);
    if (!table)
        return;
    const bool isView = table->kind == TableInfo::View;
    const qint64 rows = m_model->rowCountOf(table->name);
    const QString what =
        isView      ? tr("Delete the view \"%1\"? Its tables and their rows stay.").arg(table->name)
        : rows >= 0 ? tr("Delete the table \"%1\" and its %2 rows? This cannot be undone.")
                          .arg(table->name, QLocale().toString(rows))
                    : tr("Delete the table \"%1\" and all its rows? This cannot be undone.")
                          .arg(table->name);
    // What other tables lose with it: SQLite empties a dropped table first, so their ON DELETE
    // actions run. Said before asking, from the schema and the counts already known.
    const QStringList consequences = TableReferences::consequences(
        TableReferences::to(m_session->tables(), table->name),
        [this](const QString &child) { return m_model->rowCountOf(child); });
    QMessageBox box(QMessageBox::Warning, isView ? tr("Delete View") : tr("Delete Table"), what,
                    QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("deleteTableBox"));
    if (!consequences.isEmpty())
        box.setInformativeText(tr("Other tables are affected:\n%1").arg(consequences.join(u'\n')));
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove)
        m_session->dropTable(table->name);
}

void TableActionsController::setGenerating(const QString &table, bool generating)
{
    if (generating)
        m_generating.insert(table);
    else
        m_generating.remove(table);
    updateActions();
}
