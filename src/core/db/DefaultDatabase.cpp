#include "DefaultDatabase.h"

#include "DatabaseConnection.h"
#include "DemoSeeder.h"
#include "util/RowforgeError.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

QString DefaultDatabase::path()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("rowforge.sqlite"));
}

QString DefaultDatabase::ensure()
{
    const QString target = path();
    if (QFile::exists(target))
        return target;
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        throw RowforgeError(QStringLiteral("Cannot create the data folder %1").arg(folder));

    // Seed a side file and rename it into place, so an interrupted first run never leaves a
    // half-seeded default database behind.
    const QString partial = target + QStringLiteral(".seeding");
    QFile::remove(partial);
    {
        DatabaseConnection connection(partial, DatabaseConnection::Mode::CreateIfMissing);
        DemoSeeder::seed(connection.database());
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        if (!QFile::exists(target)) // another process may have won the race
            throw RowforgeError(QStringLiteral("Cannot create %1").arg(target));
    }
    DatabaseConnection connection(target);
    connection.enableWriteAheadLog();
    return target;
}
