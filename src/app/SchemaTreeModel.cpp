#include "SchemaTreeModel.h"

#include "IconLibrary.h"

#include <QLocale>

namespace {
bool sortsBefore(const QString &a, const QString &b)
{
    const int c = a.compare(b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}
} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent),
      m_root(std::make_unique<SchemaTreeNode>(SchemaTreeNode::Root, nullptr))
{}

SchemaTreeModel::~SchemaTreeModel() = default;

QStringList SchemaTreeModel::badgesOf(const TableInfo &table, const ColumnInfo &column)
{
    QStringList badges;
    if (column.isPrimaryKey())
        badges << (table.primaryKey().size() > 1
                       ? QStringLiteral("PK %1").arg(column.primaryKeyPosition)
                       : QStringLiteral("PK"));
    if (column.notNull && !column.rowidAlias)
        badges << QStringLiteral("NOT NULL");
    if (column.unique)
        badges << QStringLiteral("UNIQUE");
    for (const UniqueKey &key : table.uniqueKeys) {
        if (key.columns.size() > 1 && key.origin != UniqueKey::PrimaryKey &&
            key.columns.contains(column.name))
            badges << QStringLiteral("UNIQUE (%1)").arg(key.columns.join(QStringLiteral(", ")));
    }
    for (const ForeignKey &fk : table.foreignKeysOf(column.name)) {
        const int at = fk.columns.indexOf(column.name);
        const QString target = at < fk.parentColumns.size() ? fk.parentColumns.at(at) : QString();
        badges << QStringLiteral("FK → %1.%2").arg(fk.parentTable, target);
    }
    if (!column.checks.isEmpty())
        badges << QStringLiteral("CHECK");
    if (column.generated != ColumnInfo::NotGenerated)
        badges << QStringLiteral("GENERATED");
    if (column.hidden)
        badges << QStringLiteral("HIDDEN");
    return badges;
}

void SchemaTreeModel::setTables(const QList<TableInfo> &incoming)
{
    QList<TableInfo> tables = incoming;
    std::stable_sort(tables.begin(), tables.end(), [](const TableInfo &a, const TableInfo &b) {
        return sortsBefore(a.name, b.name);
    });
    QSet<QString> names;
    for (const TableInfo &table : tables)
        names.insert(table.name);

    for (int row = m_root->childCount() - 1; row >= 0; --row) {
        if (!names.contains(m_root->child(row)->table().name)) {
            beginRemoveRows({}, row, row);
            m_root->removeChild(row);
            endRemoveRows();
        }
    }
    // Both lists are now sorted the same way, so walking them together finds each insert
    // position.
    for (int row = 0; row < tables.size(); ++row) {
        const TableInfo &table = tables.at(row);
        SchemaTreeNode *existing = m_root->child(row);
        if (existing && existing->table().name == table.name) {
            existing->setTable(table);
            const QModelIndex tableIndex = index(row, 0);
            syncChildren(existing, tableIndex);
            Q_EMIT dataChanged(tableIndex, index(row, ColumnCount - 1));
            continue;
        }
        auto node = std::make_unique<SchemaTreeNode>(SchemaTreeNode::Table, m_root.get());
        node->setTable(table);
        for (const ColumnInfo &column : table.columns) {
            auto child = std::make_unique<SchemaTreeNode>(SchemaTreeNode::Column, node.get());
            child->setColumn(column, badgesOf(table, column));
            node->insertChild(node->childCount(), std::move(child));
        }
        for (const SchemaObject &object : table.indexesAndTriggers) {
            auto child = std::make_unique<SchemaTreeNode>(SchemaTreeNode::Object, node.get());
            child->setObject(object);
            node->insertChild(node->childCount(), std::move(child));
        }
        beginInsertRows({}, row, row);
        m_root->insertChild(row, std::move(node));
        endInsertRows();
    }
}

void SchemaTreeModel::syncChildren(SchemaTreeNode *tableNode, const QModelIndex &tableIndex)
{
    // Columns first, then indexes and triggers, updated in place where they can be, so that
    // expanded and selected rows stay so.
    syncColumns(tableNode, tableIndex);
    syncObjects(tableNode, tableIndex, int(tableNode->table().columns.size()));
}

void SchemaTreeModel::syncColumns(SchemaTreeNode *tableNode, const QModelIndex &tableIndex)
{
    const TableInfo &table = tableNode->table();
    int have = 0;
    while (have < tableNode->childCount() &&
           tableNode->child(have)->kind() == SchemaTreeNode::Column)
        ++have;
    const int want = int(table.columns.size());
    if (have > want) {
        beginRemoveRows(tableIndex, want, have - 1);
        for (int row = have - 1; row >= want; --row)
            tableNode->removeChild(row);
        endRemoveRows();
    }
    const int kept = std::min(have, want);
    for (int i = 0; i < kept; ++i)
        tableNode->child(i)->setColumn(table.columns.at(i), badgesOf(table, table.columns.at(i)));
    if (kept > 0)
        Q_EMIT dataChanged(index(0, 0, tableIndex), index(kept - 1, ColumnCount - 1, tableIndex));
    if (want > kept) {
        beginInsertRows(tableIndex, kept, want - 1);
        for (int i = kept; i < want; ++i) {
            auto child = std::make_unique<SchemaTreeNode>(SchemaTreeNode::Column, tableNode);
            child->setColumn(table.columns.at(i), badgesOf(table, table.columns.at(i)));
            tableNode->insertChild(i, std::move(child));
        }
        endInsertRows();
    }
}

void SchemaTreeModel::syncObjects(SchemaTreeNode *tableNode, const QModelIndex &tableIndex,
                                  int first)
{
    // By kind and name, as tables are: a new index leaves the rows of the others as they are.
    const QList<SchemaObject> &wanted = tableNode->table().indexesAndTriggers;
    auto same = [](const SchemaObject &a, const SchemaObject &b) {
        return a.kind == b.kind && a.name == b.name;
    };
    for (int row = tableNode->childCount() - 1; row >= first; --row) {
        const SchemaObject &have = tableNode->child(row)->object();
        if (std::none_of(wanted.begin(), wanted.end(),
                         [&](const SchemaObject &w) { return same(w, have); })) {
            beginRemoveRows(tableIndex, row, row);
            tableNode->removeChild(row);
            endRemoveRows();
        }
    }
    // Both lists are now in the same order: walking them together finds each insert position.
    for (int i = 0; i < wanted.size(); ++i) {
        const int row = first + i;
        SchemaTreeNode *existing = tableNode->child(row);
        if (existing && same(existing->object(), wanted[i])) {
            existing->setObject(wanted[i]);
            Q_EMIT dataChanged(index(row, 0, tableIndex), index(row, ColumnCount - 1, tableIndex));
            continue;
        }
        auto node = std::make_unique<SchemaTreeNode>(SchemaTreeNode::Object, tableNode);
        node->setObject(wanted[i]);
        beginInsertRows(tableIndex, row, row);
        tableNode->insertChild(row, std::move(node));
        endInsertRows();
    }
}

void SchemaTreeModel::setRowCount(const QString &table, qint64 rows)
{
    const int row = tableRow(table);
    if (row < 0)
        return;
    m_root->child(row)->setRowCount(rows);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SchemaTreeModel::setGenerating(const QString &table, bool generating)
{
    if (generating)
        m_generating.insert(table);
    else
        m_generating.remove(table);
    const int row = tableRow(table);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SchemaTreeModel::clear()
{
    if (m_root->childCount() == 0)
        return;
    beginRemoveRows({}, 0, m_root->childCount() - 1);
    while (m_root->childCount() > 0)
        m_root->removeChild(m_root->childCount() - 1);
    endRemoveRows();
}

int SchemaTreeModel::tableRow(const QString &name) const
{
    for (int row = 0; row < m_root->childCount(); ++row) {
        if (m_root->child(row)->table().name == name)
            return row;
    }
    return -1;
}

QModelIndex SchemaTreeModel::indexOfTable(const QString &name) const
{
    const int row = tableRow(name);
    return row < 0 ? QModelIndex() : index(row, 0);
}

const TableInfo *SchemaTreeModel::tableAt(const QModelIndex &index) const
{
    const SchemaTreeNode *node = nodeAt(index);
    if (node->kind() == SchemaTreeNode::Column || node->kind() == SchemaTreeNode::Object)
        node = node->parent();
    return node->kind() == SchemaTreeNode::Table ? &node->table() : nullptr;
}

qint64 SchemaTreeModel::rowCountOf(const QString &table) const
{
    const int row = tableRow(table);
    return row < 0 ? -1 : m_root->child(row)->rowCount();
}

SchemaTreeNode *SchemaTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<SchemaTreeNode *>(index.internalPointer()) : m_root.get();
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    SchemaTreeNode *child = nodeAt(parent)->child(row);
    return child ? createIndex(row, column, child) : QModelIndex();
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    SchemaTreeNode *parentNode = nodeAt(index)->parent();
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row(), 0, parentNode);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeAt(parent)->childCount();
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const SchemaTreeNode *node = nodeAt(index);
    if (role == NodeKindRole)
        return node->kind();
    if (role == TableNameRole)
        return tableAt(index) ? tableAt(index)->name : QString();
    switch (node->kind()) {
    case SchemaTreeNode::Table:
        return tableData(node, index.column(), role);
    case SchemaTreeNode::Object:
        return objectData(node, index.column(), role);
    default:
        return columnData(node, index.column(), role);
    }
}

QVariant SchemaTreeModel::tableData(const SchemaTreeNode *node, int column, int role) const
{
    const TableInfo &table = node->table();
    const QLocale locale;
    const QString rows =
        node->rowCount() < 0
            ? QStringLiteral("… rows")
            : (node->rowCount() == 1 ? tr("1 row")
                                     : tr("%1 rows").arg(locale.toString(node->rowCount())));
    const QString columns =
        table.columns.size() == 1 ? tr("1 column") : tr("%1 columns").arg(table.columns.size());
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return table.name;
        if (m_generating.contains(table.name))
            return tr("generating… · %1 · %2").arg(rows, columns);
        return table.kind == TableInfo::View ? tr("view · %1 · %2").arg(rows, columns)
                                             : tr("%1 · %2").arg(rows, columns);
    case Qt::DecorationRole:
        if (column == NameColumn)
            return IconLibrary::icon(table.kind == TableInfo::View ? IconLibrary::View
                                                                   : IconLibrary::Table);
        return {};
    case Qt::ToolTipRole:
    case CreateStatementRole:
        return table.sql;
    default:
        return {};
    }
}

QVariant SchemaTreeModel::columnData(const SchemaTreeNode *node, int column, int role) const
{
    const ColumnInfo &info = node->column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return info.name;
        {
            QStringList parts;
            parts << (info.declaredType.isEmpty() ? QStringLiteral("(no type)")
                                                  : info.declaredType);
            parts << node->badges();
            return parts.join(QStringLiteral(" · "));
        }
    case Qt::DecorationRole:
        if (column == NameColumn)
            return IconLibrary::icon(info.isPrimaryKey() ? IconLibrary::Key : IconLibrary::Column);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("%1 — declared %2, %3 affinity")
                     .arg(info.name,
                          info.declaredType.isEmpty() ? tr("without type") : info.declaredType,
                          SqlAffinity::name(info.affinity));
        if (info.hasDefault)
            lines << tr("DEFAULT %1").arg(info.defaultSql);
        for (const QString &check : info.checks)
            lines << tr("CHECK (%1)").arg(check);
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

QVariant SchemaTreeModel::objectData(const SchemaTreeNode *node, int column, int role) const
{
    const SchemaObject &object = node->object();
    const bool isIndex = object.kind == SchemaObject::Index;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return object.name;
        return (isIndex ? tr("index · %1") : tr("trigger · %1")).arg(object.summary);
    case Qt::DecorationRole:
        if (column == NameColumn)
            return IconLibrary::icon(isIndex ? IconLibrary::Index : IconLibrary::Trigger);
        return {};
    case Qt::ToolTipRole:
    case CreateStatementRole:
        return object.sql;
    default:
        return {};
    }
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}
