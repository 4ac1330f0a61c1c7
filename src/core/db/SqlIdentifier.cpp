#include "SqlIdentifier.h"

QString SqlIdentifier::sanitized(const QString &name)
{
    QString clean = name;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        const QChar c = clean.at(i);
        if (c.isHighSurrogate() && i + 1 < clean.size() && clean.at(i + 1).isLowSurrogate()) {
            ++i; // a valid pair
            continue;
        }
        if (c.isSurrogate() || c.unicode() == 0)
            clean[i] = QChar::ReplacementCharacter;
    }
    return clean;
}

QString SqlIdentifier::quote(const QString &name)
{
    const QString clean = sanitized(name);
    QString quoted;
    quoted.reserve(clean.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : clean) {
        if (c == QLatin1Char('"'))
            quoted += QLatin1Char('"');
        quoted += c;
    }
    quoted += QLatin1Char('"');
    return quoted;
}

QString SqlIdentifier::quoteList(const QStringList &names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &name : names)
        quoted << quote(name);
    return quoted.join(QStringLiteral(", "));
}
