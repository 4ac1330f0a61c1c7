#include "ImportNaming.h"

#include "db/SqlIdentifier.h"

#include <QFileInfo>
#include <QHash>
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

namespace {
// `from`: the suffix to try first (kept per base by a caller naming many columns alike).
QString freeName(const QString &base, const QSet<QString> &used, int *from = nullptr)
{
    if (!used.contains(base.toLower()))
        return base;
    int start = 2;
    if (!from)
        from = &start;
    for (int &suffix = *from;; ++suffix) {
        const QString candidate = QStringLiteral("%1_%2").arg(base, QString::number(suffix));
        if (!used.contains(candidate.toLower()))
            return candidate;
    }
}
} // namespace

QString ImportNaming::uniqueName(const QString &base, const QStringList &taken)
{
    QSet<QString> used;
    for (const QString &name : taken)
        used.insert(name.toLower());
    return freeName(base, used);
}

QString ImportNaming::explicitName(const QString &name)
{
    return name.isNull() ? QString(qsizetype(0), QChar()) : name; // empty, not null
}

QStringList ImportNaming::columnNames(const QStringList &header)
{
    // One set for the whole header: a 20,000-field header is named in linear time.
    QStringList names;
    QSet<QString> used;
    QHash<QString, int> nextSuffix;
    names.reserve(header.size());
    for (int i = 0; i < header.size(); ++i) {
        const QString &given = header.at(i);
        const QString trimmed = SqlIdentifier::sanitized(given.trimmed());
        const bool emptyOnPurpose = given.isEmpty() && !given.isNull();
        const QString base =
            trimmed.isEmpty() && !emptyOnPurpose ? QStringLiteral("column_%1").arg(i + 1) : trimmed;
        int &from = nextSuffix.insert(base.toLower(), nextSuffix.value(base.toLower(), 2)).value();
        const QString name = freeName(base, used, &from);
        used.insert(name.toLower());
        names << name;
    }
    return names;
}
