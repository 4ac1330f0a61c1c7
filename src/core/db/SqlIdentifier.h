#pragma once

#include <QString>
#include <QStringList>

// The one place that turns a name into SQL text. Any name is acceptable (quotes, semicolons,
// keywords, Unicode, spaces): it is always double-quoted with embedded quotes doubled, so it
// can never end the identifier early.
class SqlIdentifier
{
public:
    static QString quote(const QString &name);
    static QString quoteList(const QStringList &names);
};
