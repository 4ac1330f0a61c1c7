#include "DatabaseProblem.h"

QString DatabaseProblem::explain(const QString &sqliteMessage)
{
    const QString m = sqliteMessage.toLower();
    if (m.contains(QLatin1String("readonly database")))
        return QStringLiteral("The database cannot be written (%1): the file or its folder is "
                              "read-only to you, or it was opened read-only. Nothing was "
                              "changed.")
            .arg(sqliteMessage);
    if (m.contains(QLatin1String("database or disk is full")) ||
        m.contains(QLatin1String("disk i/o error")))
        return QStringLiteral("Writing the database failed (%1): the disk may be full or the "
                              "file unreachable. Nothing was changed; free some space and try "
                              "again.")
            .arg(sqliteMessage);
    if (m.contains(QLatin1String("database is locked")) ||
        m.contains(QLatin1String("database table is locked")))
        return QStringLiteral("Another program is writing to the database (%1). Nothing was "
                              "changed; try again when it has finished.")
            .arg(sqliteMessage);
    return {};
}
