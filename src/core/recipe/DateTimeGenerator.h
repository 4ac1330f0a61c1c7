#pragma once

#include "NumericGenerator.h"
#include "TimeOfDaySampler.h"
#include "util/DateTimeText.h"

#include <QString>
#include <optional>

// Dates and times from the empirical distribution of the observed ones (seconds since the
// epoch, UTC), written in the observed format (a Qt date-time format such as yyyy-MM-dd).
class DateTimeGenerator : public NumericGenerator
{
public:
    DateTimeGenerator(QuantileSampler sampler, const QString &format);
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override;
    void write(double seconds, GeneratedValue &out) const override;
    double atTimeOfDay(double seconds, double low, double high,
                       QRandomGenerator &random) const override;
    // The time of day drawn apart from the day, from seconds since midnight: flights leave
    // at 7 and at 19 but hardly at 4, where interpolating between moments a day apart spreads
    // every day evenly over its 24 hours.
    void setTimesOfDay(TimeOfDaySampler times) { m_timesOfDay = std::move(times); }
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
    std::optional<TimeOfDaySampler> m_timesOfDay;
};
