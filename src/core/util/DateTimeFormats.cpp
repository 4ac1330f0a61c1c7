#include "DateTimeFormats.h"

#include "DateTimeText.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <memory>

const QStringList &DateTimeFormats::known()
{
    static const QStringList formats{
        QStringLiteral("yyyy-MM-dd"),
        QStringLiteral("yyyy-MM-dd HH:mm:ss"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"),
        QStringLiteral("yyyy-MM-dd HH:mm"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm"),
        QStringLiteral("yyyy/MM/dd"),
        QStringLiteral("yyyy/MM/dd HH:mm"),
        QStringLiteral("yyyy/MM/dd HH:mm:ss"),
        QStringLiteral("dd/MM/yyyy"),
        QStringLiteral("MM/dd/yyyy"),
        QStringLiteral("dd.MM.yyyy"),
        QStringLiteral("dd-MM-yyyy"),
        QStringLiteral("MM-dd-yyyy"),
        QStringLiteral("dd/MM/yyyy HH:mm"),
        QStringLiteral("MM/dd/yyyy HH:mm"),
        QStringLiteral("dd/MM/yyyy HH:mm:ss"),
        QStringLiteral("MM/dd/yyyy HH:mm:ss"),
        // Without leading zeros, as spreadsheets write them: "1/5/2001". After the padded
        // layouts, which these also read; day first before month first, as above.
        QStringLiteral("d/M/yyyy"),
        QStringLiteral("M/d/yyyy"),
        QStringLiteral("d/M/yyyy H:mm"),
        QStringLiteral("M/d/yyyy H:mm"),
        QStringLiteral("d.M.yyyy"),
        // Months by name, in English as most exports write them: "Jun 12 1998", "12-Jun-1998".
        QStringLiteral("MMM dd yyyy"),
        QStringLiteral("MMM d yyyy"),
        QStringLiteral("MMM dd, yyyy"),
        QStringLiteral("MMM d, yyyy"),
        QStringLiteral("dd MMM yyyy"),
        QStringLiteral("dd-MMM-yyyy"),
    };
    return formats;
}

namespace {

// The reader of a format, parsed once. Rules and reports ask for the same few formats millions
// of times: the last few are compared before hashing.
const DateTimeText &readerOf(const QString &format)
{
    struct Recent
    {
        QString format;
        const DateTimeText *reader = nullptr;
    };
    thread_local QHash<QString, std::shared_ptr<const DateTimeText>> readers;
    thread_local Recent recent[8];
    thread_local int next = 0;
    for (const Recent &entry : recent) {
        if (entry.reader && entry.format == format)
            return *entry.reader;
    }
    std::shared_ptr<const DateTimeText> &reader = readers[format];
    if (!reader)
        reader = std::make_shared<const DateTimeText>(format);
    recent[next] = {format, reader.get()}; // readers live as long as the thread

    next = (next + 1) % 8;
    return *reader;
}

bool parseWith(const DateTimeText &reader, QStringView text, const QString &format, double *seconds)
{
    qint64 milliseconds = 0;
    if (reader.isSupported()) {
        if (!reader.parse(text, &milliseconds))
            return false;
    } else {
        // The texts carry no zone (or Z): read their fields as UTC.
        const QDateTime moment = QDateTime::fromString(text.toString(), format);
        if (!moment.isValid())
            return false;
        milliseconds = QDateTime(moment.date(), moment.time(), Qt::UTC).toMSecsSinceEpoch();
    }
    *seconds = double(milliseconds) / 1000.0;
    return true;
}

// Fields of one letter ("d", "M", "H"...), each one or two digits wide.
qsizetype oneLetterFields(const QString &format)
{
    qsizetype fields = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format[i];
        if (QStringLiteral("MdHhms").contains(c) && (i == 0 || format[i - 1] != c) &&
            (i + 1 == format.size() || format[i + 1] != c))
            ++fields;
    }
    return fields;
}

} // namespace

bool DateTimeFormats::parse(const QString &text, const QString &format, double *seconds)
{
    // Reports parse tens of thousands of values: QDateTime::fromString() took 15 µs each.
    return parseWith(readerOf(format), text, format, seconds);
}

bool DateTimeFormats::parseUtf8(const QByteArray &text, const QString &format, double *seconds)
{
    // Dates are ASCII: widened on the stack, without a QString per value.
    char16_t wide[64];
    if (text.size() > qsizetype(std::size(wide)))
        return parse(QString::fromUtf8(text), format, seconds);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (uchar(text[i]) >= 0x80)
            return parse(QString::fromUtf8(text), format, seconds);
        wide[i] = char16_t(uchar(text[i]));
    }
    return parseWith(readerOf(format), QStringView(wide, text.size()), format, seconds);
}

QString DateTimeFormats::detect(const QStringList &texts)
{
    static const QRegularExpression looksLikeDate(
        QStringLiteral("^(\\d{1,4}[-/.]\\d{1,2}[-/.]\\d|[A-Z][a-z]{2} \\d{1,2},? \\d{4}$|"
                       "\\d{1,2}[- ][A-Z][a-z]{2}[- ]\\d{4}$)"));
    constexpr int Enough = 200;
    const QStringList probe = texts.mid(0, Enough);
    if (probe.isEmpty())
        return {};
    const auto plausible = std::count_if(probe.begin(), probe.end(), [](const QString &t) {
        return looksLikeDate.match(t).hasMatch();
    });
    if (plausible * 10 < probe.size() * 9)
        return {};
    for (const QString &format : known()) {
        qsizetype matches = 0;
        double seconds = 0;
        // Qt accepts single-digit fields for "MM" and "dd": demand the format's length, one
        // more for a field of one letter ("d": 1 or 12).
        const qsizetype length = format.size() - format.count(u'\'');
        const qsizetype longest = length + oneLetterFields(format);
        for (const QString &text : probe) {
            if (text.size() >= length && text.size() <= longest && parse(text, format, &seconds))
                ++matches;
        }
        if (matches * 10 >= probe.size() * 9)
            return format;
    }
    return {};
}

QString DateTimeFormats::pattern(const QString &format)
{
    QString regex = QStringLiteral("^");
    bool quoted = false;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format[i];
        if (c == u'\'') {
            quoted = !quoted;
            ++i;
            continue;
        }
        qsizetype run = 1;
        while (!quoted && i + run < format.size() && format[i + run] == c)
            ++run;
        if (!quoted && c == u'M' && run == 3) {
            regex += QStringLiteral("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)");
        } else if (!quoted && QStringLiteral("yMdHhmsz").contains(c)) {
            // A field of one letter takes one or two digits ("d": 1 or 12), as Qt writes it.
            regex += run == 1 && c != u'z' ? QStringLiteral("\\d{1,2}")
                                           : QStringLiteral("\\d{%1}").arg(run);
        } else {
            // Only the characters regular expressions give a meaning are escaped, so that
            // the pattern stays readable (- and : are plain).
            for (qsizetype k = 0; k < run; ++k) {
                if (QStringLiteral("\\^$.|?*+()[]{}/").contains(c))
                    regex += u'\\';
                regex += c;
            }
        }
        i += run;
    }
    return regex + u'$';
}
