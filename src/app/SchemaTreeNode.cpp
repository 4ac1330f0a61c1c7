#include "SchemaTreeNode.h"

#include <algorithm>

SchemaTreeNode::SchemaTreeNode(Kind kind, SchemaTreeNode *parent) : m_kind(kind), m_parent(parent)
{}

int SchemaTreeNode::row() const
{
    if (!m_parent)
        return 0;
    const auto &siblings = m_parent->m_children;
    const auto it = std::find_if(siblings.begin(), siblings.end(),
                                 [this](const auto &node) { return node.get() == this; });
    return int(it - siblings.begin());
}

SchemaTreeNode *SchemaTreeNode::child(int row) const
{
    return row >= 0 && row < childCount() ? m_children[size_t(row)].get() : nullptr;
}

void SchemaTreeNode::insertChild(int row, std::unique_ptr<SchemaTreeNode> child)
{
    m_children.insert(m_children.begin() + row, std::move(child));
}

void SchemaTreeNode::removeChild(int row)
{
    m_children.erase(m_children.begin() + row);
}

void SchemaTreeNode::setColumn(const ColumnInfo &column, const QStringList &badges)
{
    m_column = column;
    m_badges = badges;
}
