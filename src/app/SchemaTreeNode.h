#pragma once

#include "db/TableInfo.h"

#include <memory>
#include <vector>

// One row of the schema tree: the invisible root, a table (or view), one of its columns, or
// one of its indexes and triggers.
// A plain class, as in Qt's simpletreemodel example: the model owns the root, nodes own
// their children.
class SchemaTreeNode
{
public:
    enum Kind { Root, Table, Column, Object };

    SchemaTreeNode(Kind kind, SchemaTreeNode *parent);

    Kind kind() const { return m_kind; }
    SchemaTreeNode *parent() const { return m_parent; }
    int row() const;
    int childCount() const { return int(m_children.size()); }
    SchemaTreeNode *child(int row) const;
    void insertChild(int row, std::unique_ptr<SchemaTreeNode> child);
    void removeChild(int row);

    // Table nodes
    const TableInfo &table() const { return m_table; }
    void setTable(const TableInfo &table) { m_table = table; }
    qint64 rowCount() const { return m_rowCount; } // -1 while unknown
    void setRowCount(qint64 rows) { m_rowCount = rows; }

    // Column nodes
    const ColumnInfo &column() const { return m_column; }
    // Short markers shown beside a column: PK, NOT NULL, UNIQUE, FK → parent(column), ...
    const QStringList &badges() const { return m_badges; }
    void setColumn(const ColumnInfo &column, const QStringList &badges);

    // Index and trigger nodes
    const SchemaObject &object() const { return m_object; }
    void setObject(const SchemaObject &object) { m_object = object; }

private:
    Kind m_kind;
    SchemaTreeNode *m_parent;
    std::vector<std::unique_ptr<SchemaTreeNode>> m_children;
    TableInfo m_table;
    qint64 m_rowCount = -1;
    ColumnInfo m_column;
    QStringList m_badges;
    SchemaObject m_object;
};
