#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

// Runs a statement with bound values and throws RowforgeError with SQLite's own explanation
// on failure. Values are always bound, never pasted into the SQL text.
class SqlExec
{
public:
    static QSqlQuery exec(QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    static QVariant scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    static QString errorText(const QSqlQuery &query);
};
