#pragma once

#include <QString>
#include <QStringList>

// The one place that turns a name into SQL text. Any name is acceptable (quotes, semicolons,
// keywords, Unicode, spaces): it is always double-quoted with embedded quotes doubled, so it
// can never end the identifier early. Code units that are not text (a lone UTF-16 surrogate,
// which UTF-8 conversion could pair with the closing quote; NUL, where SQLite stops reading)
// become U+FFFD.
class SqlIdentifier
{
public:
    static QString quote(const QString &name);
    // The name with lone surrogates and NUL replaced by U+FFFD: the name as SQLite will store it.
    static QString sanitized(const QString &name);
    static QString quoteList(const QStringList &names);
};
