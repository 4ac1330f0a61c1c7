#include "DateTimeText.h"

#include <algorithm>
#include <iterator>

namespace {

struct Civil
{
    qint64 year;
    int month, day;
};

// Days since 1970-01-01 to a proleptic Gregorian date.
Civil civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yearOfEra + era * 400 + (month <= 2), month, day};
}

// Days since 1970-01-01 of a proleptic Gregorian date.
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

const char *const ShortMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int daysInMonth(qint64 year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

void appendNumber(QByteArray &out, qint64 value, int width)
{
    char digits[24];
    int length = 0;
    const bool negative = value < 0;
    quint64 magnitude = negative ? quint64(-value) : quint64(value);
    do {
        digits[length++] = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (negative)
        out += '-';
    for (int i = length; i < width; ++i)
        out += '0';
    while (length)
        out += digits[--length];
}

} // namespace

DateTimeText::DateTimeText(const QString &format)
{
    struct Token
    {
        const char *text;
        Kind kind;
    };
    // Longest first, as Qt reads them.
    static const Token tokens[] = {
        {"yyyy", Year4},   {"yy", Year2},     {"MMMM", Literal}, {"MMM", MonthShortName},
        {"MM", Month2},    {"M", Month1},     {"dddd", Literal}, {"ddd", Literal},
        {"dd", Day2},      {"d", Day1},       {"HH", Hour2},     {"H", Hour1},
        {"hh", Hour12Two}, {"h", Hour12One},  {"mm", Minute2},   {"m", Minute1},
        {"ss", Second2},   {"s", Second1},    {"zzz", Millis3},  {"z", Literal},
        {"AP", AmPmUpper}, {"ap", AmPmLower}, {"t", Literal}};
    auto literal = [this](const QString &text) {
        if (!m_parts.empty() && m_parts.back().kind == Literal)
            m_parts.back().literal += text.toUtf8();
        else
            m_parts.push_back({Literal, text.toUtf8()});
    };
    qsizetype i = 0;
    while (i < format.size()) {
        if (format[i] == u'\'') {
            const qsizetype end = format.indexOf(u'\'', i + 1);
            if (end == i + 1) {
                literal(QStringLiteral("'")); // '' is a quote
                i += 2;
                continue;
            }
            literal(format.mid(i + 1, (end < 0 ? format.size() : end) - i - 1));
            i = end < 0 ? format.size() : end + 1;
            continue;
        }
        bool matched = false;
        for (const Token &token : tokens) {
            const QLatin1String text(token.text);
            if (QStringView(format).mid(i).startsWith(text)) {
                if (token.kind == Literal)
                    m_supported = false; // names of months, days and zones: not supported
                else
                    m_parts.push_back({token.kind, {}});
                i += text.size();
                matched = true;
                break;
            }
        }
        if (!matched) {
            if (format[i].isLetter())
                m_supported = false;
            literal(format.mid(i, 1));
            ++i;
        }
    }
}

QByteArray DateTimeText::format(qint64 milliseconds) const
{
    constexpr qint64 DayMs = 86400000;
    qint64 days = milliseconds / DayMs;
    qint64 rest = milliseconds % DayMs;
    if (rest < 0) {
        rest += DayMs;
        --days;
    }
    const Civil date = civilFromDays(days);
    const int hour = int(rest / 3600000), minute = int(rest / 60000 % 60);
    const int second = int(rest / 1000 % 60), millis = int(rest % 1000);
    const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
    QByteArray out;
    out.reserve(32);
    for (const Part &part : m_parts) {
        switch (part.kind) {
        case Literal:
            out += part.literal;
            break;
        case Year4:
            appendNumber(out, date.year, 4);
            break;
        case Year2:
            appendNumber(out, ((date.year % 100) + 100) % 100, 2);
            break;
        case Month2:
        case Month1:
            appendNumber(out, date.month, part.kind == Month2 ? 2 : 1);
            break;
        case MonthShortName:
            out += ShortMonthNames[date.month - 1];
            break;
        case Day2:
        case Day1:
            appendNumber(out, date.day, part.kind == Day2 ? 2 : 1);
            break;
        case Hour2:
        case Hour1:
            appendNumber(out, hour, part.kind == Hour2 ? 2 : 1);
            break;
        case Hour12Two:
        case Hour12One:
            appendNumber(out, hour12, part.kind == Hour12Two ? 2 : 1);
            break;
        case Minute2:
        case Minute1:
            appendNumber(out, minute, part.kind == Minute2 ? 2 : 1);
            break;
        case Second2:
        case Second1:
            appendNumber(out, second, part.kind == Second2 ? 2 : 1);
            break;
        case Millis3:
            appendNumber(out, millis, 3);
            break;
        case AmPmUpper:
            out += hour < 12 ? "AM" : "PM";
            break;
        case AmPmLower:
            out += hour < 12 ? "am" : "pm";
            break;
        }
    }
    return out;
}

bool DateTimeText::parse(QStringView text, qint64 *milliseconds) const
{
    if (!m_supported)
        return false;
    qint64 year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0, hour12 = -1;
    int pm = -1;
    qsizetype at = 0;
    // Reads between `least` and `most` digits.
    auto number = [&](int least, int most, int *value) {
        int digits = 0;
        int result = 0;
        while (digits < most && at < text.size() && text[at].isDigit() &&
               text[at].unicode() < 128) {
            result = result * 10 + (text[at].unicode() - '0');
            ++at;
            ++digits;
        }
        *value = result;
        return digits >= least;
    };
    for (const Part &part : m_parts) {
        int value = 0;
        switch (part.kind) {
        case Literal: {
            const QString literal = QString::fromUtf8(part.literal);
            if (!text.mid(at).startsWith(literal))
                return false;
            at += literal.size();
            continue;
        }
        case Year4:
            if (!number(4, 4, &value))
                return false;
            year = value;
            continue;
        case Year2:
            if (!number(2, 2, &value))
                return false;
            year = 1900 + value; // as Qt reads two-digit years
            continue;
        case MonthShortName: {
            const QStringView name = text.mid(at, 3);
            const auto *found =
                std::find_if(std::begin(ShortMonthNames), std::end(ShortMonthNames),
                             [&](const char *month) { return name == QLatin1String(month); });
            if (found == std::end(ShortMonthNames))
                return false;
            month = int(found - std::begin(ShortMonthNames)) + 1;
            at += 3;
            continue;
        }
        case AmPmUpper:
        case AmPmLower: {
            const QString marker = text.mid(at, 2).toString().toUpper();
            if (marker != QLatin1String("AM") && marker != QLatin1String("PM"))
                return false;
            pm = marker == QLatin1String("PM");
            at += 2;
            continue;
        }
        default:
            break;
        }
        const bool two = part.kind == Month2 || part.kind == Day2 || part.kind == Hour2 ||
                         part.kind == Hour12Two || part.kind == Minute2 || part.kind == Second2;
        const bool ok =
            part.kind == Millis3 ? number(3, 3, &value) : number(two ? 2 : 1, 2, &value);
        if (!ok)
            return false;
        switch (part.kind) {
        case Month2:
        case Month1:
            month = value;
            break;
        case Day2:
        case Day1:
            day = value;
            break;
        case Hour2:
        case Hour1:
            hour = value;
            break;
        case Hour12Two:
        case Hour12One:
            hour12 = value;
            break;
        case Minute2:
        case Minute1:
            minute = value;
            break;
        case Second2:
        case Second1:
            second = value;
            break;
        case Millis3:
            millis = value;
            break;
        default:
            break;
        }
    }
    if (at != text.size())
        return false;
    if (hour12 >= 0) {
        if (hour12 < 1 || hour12 > 12)
            return false;
        hour = hour12 % 12 + (pm == 1 ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 59)
        return false;
    *milliseconds = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL +
                    second * 1000LL + millis;
    return true;
}
