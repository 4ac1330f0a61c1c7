#include "RowEdits.h"

#include "IntegrityCheck.h"
#include "SqlIdentifier.h"
#include "Transaction.h"
#include "util/RowforgeError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

QString keyCondition(const QStringList &keyColumns)
{
    QStringList terms;
    for (const QString &key : keyColumns)
        terms << SqlIdentifier::quote(key) + QStringLiteral(" = ?");
    return terms.join(QStringLiteral(" AND "));
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(u',');
}

} // namespace

qint64 RowEdits::apply(QSqlDatabase &db, const TableInfo &table, const QStringList &keyColumns,
                       const QList<Change> &changes, Failure *failure)
{
    if (keyColumns.isEmpty())
        throw RowforgeError(QStringLiteral("\"%1\" has no key to find its rows by: a view or a "
                                           "table without rowid or primary key cannot be edited "
                                           "here")
                                .arg(table.name));
    const QString name = SqlIdentifier::quote(table.name);
    IntegrityCheck::requireIntact(db, table, 0);
    Transaction transaction(db, QStringLiteral("the changes to %1").arg(table.name));
    qint64 changed = 0;
    for (int i = 0; i < changes.size(); ++i) {
        const Change &change = changes[i];
        QString sql;
        QVariantList bound;
        switch (change.kind) {
        case Change::Set: {
            QStringList assignments;
            for (const QString &column : change.columns)
                assignments << SqlIdentifier::quote(column) + QStringLiteral(" = ?");
            sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                      .arg(name, assignments.join(QStringLiteral(", ")), keyCondition(keyColumns));
            bound = change.values + change.key;
            break;
        }
        case Change::Delete:
            sql = QStringLiteral("DELETE FROM %1 WHERE %2").arg(name, keyCondition(keyColumns));
            bound = change.key;
            break;
        case Change::Insert:
            sql = change.columns.isEmpty()
                      ? QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(name)
                      : QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(name, SqlIdentifier::quoteList(change.columns),
                                 placeholders(change.columns.size()));
            bound = change.values;
            break;
        }
        QSqlQuery query(db);
        bool ok = query.prepare(sql);
        for (int v = 0; ok && v < bound.size(); ++v)
            query.bindValue(v, bound[v]);
        ok = ok && query.exec();
        if (!ok) {
            if (failure) {
                failure->change = i;
                failure->message = query.lastError().databaseText();
            }
            return -1; // the transaction rolls back
        }
        changed += query.numRowsAffected();
    }
    transaction.commit();
    return changed;
}
