#include "FileKind.h"

#include <QFile>
#include <QFileInfo>

bool FileKind::hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray magic("SQLite format 3\0", 16);
    return file.read(magic.size()) == magic;
}

FileKind::Kind FileKind::detect(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return Missing;
    if (hasSqliteHeader(path))
        return SqliteDatabase;
    const QString suffix = info.suffix().toLower();
    static const QStringList dataSuffixes{QStringLiteral("csv"),   QStringLiteral("tsv"),
                                          QStringLiteral("tab"),   QStringLiteral("txt"),
                                          QStringLiteral("json"),  QStringLiteral("jsonl"),
                                          QStringLiteral("ndjson")};
    if (dataSuffixes.contains(suffix))
        return DataFile;
    static const QStringList dbSuffixes{QStringLiteral("sqlite"), QStringLiteral("sqlite3"),
                                        QStringLiteral("db")};
    // An empty .sqlite file is a valid, empty database for SQLite.
    if (dbSuffixes.contains(suffix) && info.size() == 0)
        return SqliteDatabase;
    return Unsupported;
}
