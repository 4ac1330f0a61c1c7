#pragma once

#include "SchemaTreeNode.h"

#include <QAbstractItemModel>
#include <QSet>
#include <memory>

// Tables and views with their columns, indexes and triggers. Updates arrive as whole schema
// snapshots and are applied as the smallest set of inserts, removals and dataChanged signals, so
// selection and expansion survive a refresh.
class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // CreateStatementRole: the CREATE statement of a table, view, index or trigger.
    enum Roles { TableNameRole = Qt::UserRole + 1, NodeKindRole, CreateStatementRole };
    enum Columns { NameColumn, DetailsColumn, ColumnCount };

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    void setTables(const QList<TableInfo> &tables);
    void setRowCount(const QString &table, qint64 rows);
    void setGenerating(const QString &table, bool generating);
    void clear();

    QModelIndex indexOfTable(const QString &name) const;
    // The table an index belongs to (itself, or its column's table); null when none.
    const TableInfo *tableAt(const QModelIndex &index) const;
    qint64 rowCountOf(const QString &table) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QStringList badgesOf(const TableInfo &table, const ColumnInfo &column);

private:
    SchemaTreeNode *nodeAt(const QModelIndex &index) const;
    int tableRow(const QString &name) const;
    void syncChildren(SchemaTreeNode *tableNode, const QModelIndex &tableIndex);
    // The columns: the first children.
    void syncColumns(SchemaTreeNode *tableNode, const QModelIndex &tableIndex);
    // The indexes and triggers, from child `first` on.
    void syncObjects(SchemaTreeNode *tableNode, const QModelIndex &tableIndex, int first);
    QVariant tableData(const SchemaTreeNode *node, int column, int role) const;
    QVariant columnData(const SchemaTreeNode *node, int column, int role) const;
    QVariant objectData(const SchemaTreeNode *node, int column, int role) const;

    std::unique_ptr<SchemaTreeNode> m_root;
    QSet<QString> m_generating;
};
