#include "SqliteHandle.h"

#include "util/RowforgeError.h"

#include <QSqlDriver>
#include <QVariant>

sqlite3 *SqliteHandle::of(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!db.isOpen() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw RowforgeError(QStringLiteral("Not an open SQLite connection"));
    return *static_cast<sqlite3 *const *>(handle.constData());
}
