#pragma once

#include "TimeOfDaySampler.h"

#include <QJsonObject>
#include <optional>
#include <vector>

class GeneratorSpec;

// How a recipe describes when in the day a date-time column's moments fall, apart from their
// days: "time_of_day": {"step": 15, "weights": [one per 15 minutes from 00:00], "atoms":
// [{"value": "09:00:00", "share": 0.2}]}, atoms' times as HH:mm[:ss[.zzz]] or seconds since
// midnight. A day's moments interpolated between quantiles a day or more apart fall evenly
// over its 24 hours; drawn from these, a flight leaves at 7 or at 19 and never at 4, as the
// real ones do.
class TimeOfDaySummary
{
public:
    static constexpr const char *Key = "time_of_day";
    static constexpr double SecondsPerDay = 86400;

    // Slots of a quarter of an hour where there are this many moments, of an hour below.
    static constexpr size_t QuarterHoursFrom = 400;

    // Inserts the key into `spec` for these moments (seconds since 1970, UTC).
    static void describe(const std::vector<double> &moments, QJsonObject &spec);
    // Removes the key from the entry of a column that follows another by a gap ("after") when
    // the other's moment plus a gap seen elsewhere tells its hours as well as its own times of
    // day do: a shipment 12 to 96 hours after its order. An order placed in opening hours days
    // after a signup keeps them. `bases` and `moments` pair up, NaN where missing.
    static void keepIfOwn(const std::vector<double> &bases, const std::vector<double> &moments,
                          QJsonObject &spec);
    // The entry's times of day, checked; none when the key is absent.
    static std::optional<TimeOfDaySampler> read(const GeneratorSpec &spec);
};
