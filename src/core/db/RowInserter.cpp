#include "RowInserter.h"

#include "SqlExec.h"
#include "SqlIdentifier.h"
#include "util/RowforgeError.h"

RowInserter::RowInserter(QSqlDatabase &db, const TableInfo &table, const QStringList &columns)
    : m_query(db), m_tableName(table.name), m_columns(columns)
{
    if (table.kind != TableInfo::Table)
        throw RowforgeError(
            QStringLiteral("\"%1\" is a view; rows can only be added to tables").arg(table.name));
    if (columns.isEmpty())
        throw RowforgeError(QStringLiteral("No columns given for \"%1\"").arg(table.name));
    for (const QString &name : columns) {
        if (!table.column(name))
            throw RowforgeError(
                QStringLiteral("Table \"%1\" has no column \"%2\"").arg(table.name, name));
    }
    QStringList placeholders;
    for (int i = 0; i < columns.size(); ++i)
        placeholders << QStringLiteral("?");
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(SqlIdentifier::quote(table.name),
                                 SqlIdentifier::quoteList(columns), placeholders.join(u','));
    if (!m_query.prepare(sql))
        throw RowforgeError(SqlExec::errorText(m_query));
}

qint64 RowInserter::insert(const QVariantList &values)
{
    if (values.size() != m_columns.size())
        throw RowforgeError(QStringLiteral("Expected %1 values for \"%2\", got %3")
                                .arg(m_columns.size())
                                .arg(m_tableName)
                                .arg(values.size()));
    for (int i = 0; i < values.size(); ++i)
        m_query.bindValue(i, values.at(i));
    if (!m_query.exec())
        throw RowforgeError(SqlExec::errorText(m_query));
    ++m_inserted;
    return m_query.lastInsertId().toLongLong();
}
