#pragma once

#include "NumericGenerator.h"
#include "util/DateTimeText.h"

#include <QString>

// Dates and times from the empirical distribution of the observed ones (seconds since the
// epoch, UTC), written in the observed format (a Qt date-time format such as yyyy-MM-dd).
class DateTimeGenerator : public NumericGenerator
{
public:
    DateTimeGenerator(QuantileSampler sampler, const QString &format);
    void write(double seconds, GeneratedValue &out) const override;
    // Values only on whole years, months, days, hours or minutes ("year" ... "minute"), and
    // only on Monday to Friday. False for an unknown unit.
    bool setGranularity(const QString &unit);
    void setWeekdaysOnly(bool weekdaysOnly) { m_weekdaysOnly = weekdaysOnly; }

    // True if `format` writes dates that read back as the same moment (at its precision).
    static bool isUsableFormat(const QString &format);
    static bool hasTime(const QString &format);

private:
    QString m_format;
    DateTimeText m_text;
    bool m_dateOnly;
    bool m_milliseconds;
    int m_granularity = -1; // index into the units, coarsest first
    bool m_weekdaysOnly = false;
};
