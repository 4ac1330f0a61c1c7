#include "QueryHistory.h"

#include "util/AppDataFile.h"

#include <QFileInfo>
#include <QJsonArray>

QueryHistory::QueryHistory(QString file)
    : m_file(AppDataFile(file, QStringLiteral("query-history.json")).path())
{}

QStringList QueryHistory::of(const QString &databasePath) const
{
    QStringList queries;
    const QJsonObject all = AppDataFile(m_file, {}).read();
    for (const QJsonValue &sql : all.value(AppDataFile::databaseKey(databasePath)).toArray())
        queries << sql.toString();
    return queries;
}

void QueryHistory::add(const QString &databasePath, const QString &sql) const
{
    const QString text = sql.trimmed();
    if (text.isEmpty())
        return;
    AppDataFile(m_file, {}).update([&](QJsonObject &all) {
        for (const QString &database : all.keys()) {
            if (!QFileInfo::exists(database))
                all.remove(database);
        }
        const QString key = AppDataFile::databaseKey(databasePath);
        QJsonArray queries{text};
        for (const QJsonValue &earlier : all.value(key).toArray()) {
            if (earlier.toString() != text && queries.size() < MaxPerDatabase)
                queries.append(earlier);
        }
        all.insert(key, queries);
    });
}
