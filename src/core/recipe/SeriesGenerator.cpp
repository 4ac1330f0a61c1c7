#include "SeriesGenerator.h"

#include <QDateTime>
#include <cmath>

SeriesGenerator::SeriesGenerator(double startSeconds, qint64 step, Unit unit, const QString &format)
    : m_start(startSeconds), m_step(step), m_unit(unit), m_format(format), m_text(format)
{}

bool SeriesGenerator::unitFromName(const QString &name, Unit *unit)
{
    if (name == QLatin1String("second"))
        *unit = Unit::Second;
    else if (name == QLatin1String("day"))
        *unit = Unit::Day;
    else if (name == QLatin1String("month"))
        *unit = Unit::Month;
    else
        return false;
    return true;
}

void SeriesGenerator::generate(const std::vector<GeneratedValue> &, QRandomGenerator &,
                               GeneratedValue &out)
{
    const qint64 steps = m_next++ * m_step;
    qint64 milliseconds = qint64(std::llround(m_start * 1000));
    switch (m_unit) {
    case Unit::Second:
        milliseconds += steps * 1000;
        break;
    case Unit::Day:
        milliseconds += steps * 86400000;
        break;
    case Unit::Month:
        milliseconds = QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC)
                           .addMonths(int(steps))
                           .toMSecsSinceEpoch();
        break;
    }
    if (m_text.isSupported())
        out.setText(m_text.format(milliseconds));
    else
        out.setText(
            QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC).toString(m_format).toUtf8());
    out.order = double(milliseconds) / 1000.0;
}
