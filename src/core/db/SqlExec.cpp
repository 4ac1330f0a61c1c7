#include "SqlExec.h"

#include "util/RowforgeError.h"

#include <QSqlError>

QString SqlExec::errorText(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    const QString text = error.databaseText();
    return text.isEmpty() ? error.text() : text;
}

QSqlQuery SqlExec::exec(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw RowforgeError(errorText(query));
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        throw RowforgeError(errorText(query));
    return query;
}

QVariant SqlExec::scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query = exec(db, sql, values);
    return query.next() ? query.value(0) : QVariant();
}
