#include "DateTimeGenerator.h"

#include <QDateTime>
#include <cmath>

DateTimeGenerator::DateTimeGenerator(QuantileSampler sampler, const QString &format)
    : NumericGenerator(std::move(sampler)), m_format(format), m_text(format),
      m_dateOnly(!hasTime(format)), m_milliseconds(format.contains(QLatin1String("zzz")))
{}

bool DateTimeGenerator::hasTime(const QString &format)
{
    return format.contains(u'H') || format.contains(u'h') || format.contains(u'm') ||
           format.contains(u's');
}

bool DateTimeGenerator::isUsableFormat(const QString &format)
{
    // A year of four digits, a month and a day ("d" too: "Jan 1 2000"); the round trip below
    // refuses what Qt cannot read back.
    if (!format.contains(QLatin1String("yyyy")) || !format.contains(u'M') || !format.contains(u'd'))
        return false;
    const QDateTime probe(QDate(2021, 11, 23), QTime(17, 45, 31, 250), Qt::UTC);
    const QString text = probe.toString(format);
    QDateTime back = QDateTime::fromString(text, format);
    back.setTimeSpec(Qt::UTC);
    return back.isValid() && back.date() == probe.date();
}

bool DateTimeGenerator::setGranularity(const QString &unit)
{
    static const QStringList units{QStringLiteral("year"), QStringLiteral("month"),
                                   QStringLiteral("day"), QStringLiteral("hour"),
                                   QStringLiteral("minute")};
    m_granularity = int(units.indexOf(unit));
    return m_granularity >= 0;
}

void DateTimeGenerator::generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                                 GeneratedValue &out)
{
    write(atTimeOfDay(draw(row, random), sampler().min(), sampler().max(), random), out);
}

double DateTimeGenerator::atTimeOfDay(double seconds, double low, double high,
                                      QRandomGenerator &random) const
{
    // On a first or last day (or within the shortest gap after a base) some times fall outside
    // [low, high]; another is drawn, and after a few a moment keeps the time it had.
    constexpr int Tries = 8;
    if (!m_timesOfDay || m_dateOnly)
        return seconds;
    const double day = std::floor(seconds / 86400.0) * 86400.0;
    for (int i = 0; i < Tries; ++i) {
        const double moved = day + m_timesOfDay->sample(random);
        if (moved >= low && moved <= high)
            return moved;
    }
    return seconds;
}

void DateTimeGenerator::write(double seconds, GeneratedValue &out) const
{
    double value = seconds;
    if (m_granularity >= 2) {
        const double unit = m_granularity == 2 ? 86400.0 : m_granularity == 3 ? 3600.0 : 60.0;
        value = std::floor(value / unit) * unit;
    } else if (m_granularity >= 0) {
        const QDate date = QDateTime::fromSecsSinceEpoch(qint64(std::floor(value)), Qt::UTC).date();
        const QDate start(date.year(), m_granularity == 0 ? 1 : date.month(), 1);
        value = double(QDateTime(start, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    }
    if (m_weekdaysOnly) {
        const int weekday =
            QDateTime::fromSecsSinceEpoch(qint64(std::floor(value)), Qt::UTC).date().dayOfWeek();
        if (weekday == 6)
            value -= 86400; // Saturday to Friday
        else if (weekday == 7)
            value += 86400; // Sunday to Monday
    }
    if (m_dateOnly)
        value = std::floor(value / 86400.0) * 86400.0;
    else if (!m_milliseconds)
        value = std::floor(value);
    const qint64 milliseconds = qint64(std::llround(value * 1000.0));
    if (m_text.isSupported())
        out.setText(m_text.format(milliseconds));
    else
        out.setText(
            QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC).toString(m_format).toUtf8());
    out.order = value;
}
