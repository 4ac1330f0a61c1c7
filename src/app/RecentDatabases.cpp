#include "RecentDatabases.h"

#include <QSettings>

namespace {
const QString key = QStringLiteral("recentDatabases");
}

QStringList RecentDatabases::list()
{
    return QSettings().value(key).toStringList();
}

void RecentDatabases::add(const QString &path)
{
    QStringList paths = list();
    paths.removeAll(path);
    paths.prepend(path);
    while (paths.size() > MaxEntries)
        paths.removeLast();
    QSettings().setValue(key, paths);
}

void RecentDatabases::remove(const QString &path)
{
    QStringList paths = list();
    paths.removeAll(path);
    QSettings().setValue(key, paths);
}

void RecentDatabases::clear()
{
    QSettings().remove(key);
}
