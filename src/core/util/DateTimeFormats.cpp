#include "DateTimeFormats.h"

#include "DateTimeText.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

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
        QStringLiteral("dd/MM/yyyy"),
        QStringLiteral("MM/dd/yyyy"),
        QStringLiteral("dd.MM.yyyy"),
        QStringLiteral("dd-MM-yyyy"),
        QStringLiteral("MM-dd-yyyy"),
        QStringLiteral("dd/MM/yyyy HH:mm"),
        QStringLiteral("MM/dd/yyyy HH:mm"),
    };
    return formats;
}

bool DateTimeFormats::parse(const QString &text, const QString &format, double *seconds)
{
    // Reports parse tens of thousands of values: QDateTime::fromString() took 15 µs each.
    thread_local QHash<QString, DateTimeText> readers;
    auto it = readers.find(format);
    if (it == readers.end())
        it = readers.insert(format, DateTimeText(format));
    qint64 milliseconds = 0;
    if (it->isSupported()) {
        if (!it->parse(text, &milliseconds))
            return false;
    } else {
        // The texts carry no zone (or Z): read their fields as UTC.
        const QDateTime moment = QDateTime::fromString(text, format);
        if (!moment.isValid())
            return false;
        milliseconds = QDateTime(moment.date(), moment.time(), Qt::UTC).toMSecsSinceEpoch();
    }
    *seconds = double(milliseconds) / 1000.0;
    return true;
}

QString DateTimeFormats::detect(const QStringList &texts)
{
    static const QRegularExpression looksLikeDate(QStringLiteral("^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d"));
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
        for (const QString &text : probe) {
            // Qt accepts single-digit fields for "MM" and "dd": demand the format's length.
            if (text.size() == format.size() - format.count(u'\'') && parse(text, format, &seconds))
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
        if (!quoted && QStringLiteral("yMdHhmsz").contains(c)) {
            regex += QStringLiteral("\\d{%1}").arg(c == u'y' && run == 4 ? 4 : run);
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
