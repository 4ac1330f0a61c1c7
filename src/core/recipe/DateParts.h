#pragma once

#include <QString>
#include <cmath>

// The month, ISO weekday or hour of a moment given as seconds since 1970 (UTC), without
// QDateTime: trees ask it for every generated row.
class DateParts
{
public:
    static int of(double seconds, const QString &part)
    {
        const qint64 whole = qint64(std::floor(seconds));
        const qint64 days = whole >= 0 ? whole / 86400 : -((-whole + 86399) / 86400);
        if (part == QLatin1String("hour"))
            return int((whole - days * 86400) / 3600);
        if (part == QLatin1String("weekday"))
            return int(((days + 3) % 7 + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
        return monthOfDays(days);
    }
    // Howard Hinnant's civil_from_days, the month only.
    static int monthOfDays(qint64 days)
    {
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        return int(mp < 10 ? mp + 3 : mp - 9);
    }
};
