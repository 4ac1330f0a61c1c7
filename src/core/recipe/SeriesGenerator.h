#pragma once

#include "ValueGenerator.h"
#include "util/DateTimeText.h"

#include <QString>

// A unique date or time series that continues at its cadence past the last value: every day,
// every hour, the 1st of every month or quarter, January 1st of every year.
class SeriesGenerator : public ValueGenerator
{
public:
    enum class Unit { Second, Day, Month };

    SeriesGenerator(double startSeconds, qint64 step, Unit unit, const QString &format);
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &,
                  GeneratedValue &out) override;

    static bool unitFromName(const QString &name, Unit *unit);

private:
    double m_start;
    qint64 m_step;
    Unit m_unit;
    QString m_format;
    DateTimeText m_text;
    qint64 m_next = 0; // steps taken
};
