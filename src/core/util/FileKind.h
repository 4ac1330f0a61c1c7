#pragma once

#include <QString>

// What a dropped or command-line file is, judged by content first (a SQLite header) and by
// extension for data files.
class FileKind
{
public:
    enum Kind { Missing, SqliteDatabase, DataFile, Unsupported };
    static Kind detect(const QString &path);
    static bool hasSqliteHeader(const QString &path);
};
