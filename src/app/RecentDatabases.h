#pragma once

#include <QStringList>

// The most recently opened database files, newest first, kept in the settings.
class RecentDatabases
{
public:
    static constexpr int MaxEntries = 8;
    static QStringList list();
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};
