#include "SqliteHandle.h"

#include "SqlIdentifier.h"

#include "util/RowforgeError.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

sqlite3 *SqliteHandle::of(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!db.isOpen() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw RowforgeError(QStringLiteral("Not an open SQLite connection"));
    return *static_cast<sqlite3 *const *>(handle.constData());
}

sqlite3_stmt *SqliteHandle::prepareSelectAll(sqlite3 *handle, const QString &table,
                                             const QStringList &columns)
{
    const QByteArray sql = QStringLiteral("SELECT %1 FROM %2")
                               .arg(SqlIdentifier::quoteList(columns), SqlIdentifier::quote(table))
                               .toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    return statement;
}
