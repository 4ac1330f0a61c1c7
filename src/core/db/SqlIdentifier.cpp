#include "SqlIdentifier.h"

QString SqlIdentifier::quote(const QString &name)
{
    QString quoted;
    quoted.reserve(name.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : name) {
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
