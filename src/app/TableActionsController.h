#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class DatabaseSession;
class QAction;
class QMenu;
class QPoint;
class QTreeView;
class QWidget;
class SchemaTreeModel;

// The actions that act on the selected table — Import…, Generate Data, Export CSV, Delete
// Table — their enabled state, and the tree's context menu.
class TableActionsController : public QObject
{
    Q_OBJECT
public:
    struct Actions
    {
        QAction *importFiles;
        QAction *generate;
        QAction *generateDialog;
        QAction *exportCsv;
        QAction *deleteTable;
        QAction *refresh;
    };

    TableActionsController(const Actions &actions, QTreeView *tree, SchemaTreeModel *model,
                           DatabaseSession *session, QWidget *dialogParent, QObject *parent);

    QString currentTable() const { return m_currentTable; }
    // A table being generated cannot be generated again until it is done.
    void setGenerating(const QString &table, bool generating);
    // Selects the table in the tree (used after opening, and by tests).
    void selectTable(const QString &name);

Q_SIGNALS:
    void importRequested();
    void exportRequested(const QString &table);
    void generateRequested(const QString &table);
    void generateDialogRequested(const QString &table);
    void currentTableChanged(const QString &name);
    void message(const QString &text);

private:
    void updateCurrentTable();
    void updateActions();
    void showContextMenu(const QPoint &position);
    void confirmDeleteTable();

    Actions m_actions;
    QTreeView *m_tree;
    SchemaTreeModel *m_model;
    DatabaseSession *m_session;
    QWidget *m_dialogParent;
    QString m_currentTable;
    QSet<QString> m_generating;
};
