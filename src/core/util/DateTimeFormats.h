#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The date and time formats Rowforge recognises in text columns (Qt date-time format strings),
// and reading such text as seconds since the epoch (UTC).
class DateTimeFormats
{
public:
    static const QStringList &known();
    // The format at least 90% of the texts are in, or empty.
    static QString detect(const QStringList &texts);
    static bool parse(const QString &text, const QString &format, double *seconds);
    // The same for UTF-8 text (generated values), without converting it to a QString.
    static bool parseUtf8(const QByteArray &text, const QString &format, double *seconds);
    // A regular expression for text in the format (yyyy-MM-dd -> ^\d{4}-\d{2}-\d{2}$), as
    // JSON Schema's "pattern" takes it.
    static QString pattern(const QString &format);
};
