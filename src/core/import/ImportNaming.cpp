#include "ImportNaming.h"

#include <QFileInfo>
#include <QSet>

QString ImportNaming::tableNameForFile(const QString &filePath)
{
    const QString base = QFileInfo(filePath).completeBaseName().toLower();
    QString name;
    name.reserve(base.size());
    for (const QChar c : base) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.endsWith(u'_'))
            name += u'_';
    }
    while (name.startsWith(u'_'))
        name.remove(0, 1);
    while (name.endsWith(u'_'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("imported") : name;
}

QString ImportNaming::uniqueName(const QString &base, const QStringList &taken)
{
    QSet<QString> used;
    for (const QString &name : taken)
        used.insert(name.toLower());
    if (!used.contains(base.toLower()))
        return base;
    for (int suffix = 2;; ++suffix) {
        const QString candidate = QStringLiteral("%1_%2").arg(base).arg(suffix);
        if (!used.contains(candidate.toLower()))
            return candidate;
    }
}

QStringList ImportNaming::columnNames(const QStringList &header)
{
    QStringList names;
    for (int i = 0; i < header.size(); ++i) {
        const QString trimmed = header.at(i).trimmed();
        const QString base = trimmed.isEmpty() ? QStringLiteral("column_%1").arg(i + 1) : trimmed;
        names << uniqueName(base, names);
    }
    return names;
}
