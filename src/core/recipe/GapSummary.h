#pragma once

#include <QJsonObject>
#include <vector>

// What an "after" column learns of the gaps between its moments and the ones they follow: the
// gaps' quantiles; for dates and times, the step every gap is a whole number of ("gap_step":
// a shipment whole hours after its order keeps the order's minutes and seconds); and whether
// the column keeps times of day of its own (TimeOfDaySummary::keepIfOwn). DependencyLearner and
// ParentRuleMiner both write their "after" specs through this.
class GapSummary
{
public:
    // The steps looked for, largest first: a week (a follow-up whole weeks on), a day, an hour,
    // half and quarter hours, 5 minutes, a minute.
    static constexpr double Steps[] = {604800, 86400, 3600, 1800, 900, 300, 60};
    // Fewer gaps than this say nothing of a step.
    static constexpr int MinStepGaps = 20;

    // `bases` and `moments` pair up (NaN where missing); `spec` has the column's own keys,
    // "format" among them for dates and times.
    static void describe(const std::vector<double> &bases, const std::vector<double> &moments,
                         QJsonObject &spec);
    // The largest of Steps every gap is a whole number of, or 0 (none, or too few gaps, or all
    // of them 0).
    static double stepOf(const std::vector<double> &gaps);
};
