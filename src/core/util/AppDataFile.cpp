#include "AppDataFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

AppDataFile::AppDataFile(const QString &path, const QString &defaultName) : m_path(path)
{
    if (m_path.isEmpty())
        m_path =
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + defaultName;
}

QJsonObject AppDataFile::read() const
{
    QFile in(m_path);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(in.readAll()).object();
}

void AppDataFile::update(const std::function<void(QJsonObject &)> &change) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(2000))
        return;
    QJsonObject all = read();
    change(all);
    QSaveFile out(m_path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(all).toJson(QJsonDocument::Compact));
        out.commit();
    }
}

QString AppDataFile::databaseKey(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}
