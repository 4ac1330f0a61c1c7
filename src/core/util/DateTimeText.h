#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

// Writes moments (milliseconds since the epoch, UTC) in a Qt date-time format without
// QDateTime: the format is parsed once into parts, and the calendar is computed directly
// (Howard Hinnant's days-to-civil). Generating a million dates through QDateTime::toString()
// cost seconds; this costs milliseconds. Supports yyyy, yy, MM, M, dd, d, HH, H, hh, h, mm, m,
// ss, s, zzz, AP/ap, and quoted literals; isSupported() tells whether a format uses only these.
class DateTimeText
{
public:
    explicit DateTimeText(const QString &format);
    bool isSupported() const { return m_supported; }
    QByteArray format(qint64 milliseconds) const;
    // Reads text written in the format back; false unless it matches exactly and names a real
    // date and time.
    bool parse(QStringView text, qint64 *milliseconds) const;

private:
    enum Kind {
        Literal,
        Year4,
        Year2,
        Month2,
        Month1,
        MonthShortName, // Jan ... Dec, as Qt 6 writes and reads MMM (English, the C locale)
        Day2,
        Day1,
        Hour2,
        Hour1,
        Hour12Two,
        Hour12One,
        Minute2,
        Minute1,
        Second2,
        Second1,
        Millis3,
        AmPmUpper,
        AmPmLower
    };
    struct Part
    {
        Kind kind;
        QByteArray literal;
    };
    std::vector<Part> m_parts;
    bool m_supported = true;
};
