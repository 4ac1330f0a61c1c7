#include "RecipeCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

RecipeCache::RecipeCache(QString directory) : m_directory(std::move(directory))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      QStringLiteral("/recipes");
}

QString RecipeCache::fileFor(const QString &databasePath, const TableInfo &table) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QFileInfo(databasePath).absoluteFilePath().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(table.name.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(table.sql.toUtf8());
    return m_directory + u'/' + QString::fromLatin1(hash.result().toHex().left(32)) +
           QStringLiteral(".json");
}

QJsonObject RecipeCache::load(const QString &databasePath, const TableInfo &table) const
{
    QFile file(fileFor(databasePath, table));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void RecipeCache::store(const QString &databasePath, const TableInfo &table,
                        const QJsonObject &recipe) const
{
    QDir().mkpath(m_directory);
    QSaveFile file(fileFor(databasePath, table));
    // A cache that cannot be written only costs a request next time.
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(recipe).toJson(QJsonDocument::Indented));
        file.commit();
    }
}

void RecipeCache::remove(const QString &databasePath, const TableInfo &table) const
{
    QFile::remove(fileFor(databasePath, table));
}
