#include "GapSummary.h"

#include "QuantileSampler.h"
#include "RecipeLearner.h"
#include "TimeOfDaySummary.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

void GapSummary::describe(const std::vector<double> &bases, const std::vector<double> &moments,
                          QJsonObject &spec)
{
    std::vector<double> gaps;
    for (size_t i = 0; i < bases.size() && i < moments.size(); ++i) {
        if (!std::isnan(bases[i]) && !std::isnan(moments[i]))
            gaps.push_back(std::max(0.0, moments[i] - bases[i]));
    }
    std::sort(gaps.begin(), gaps.end());
    QJsonArray gapArray;
    for (const double gap : QuantileSampler::quantilesOf(gaps, RecipeLearner::Quantiles))
        gapArray << gap;
    spec.insert(QStringLiteral("gaps"), gapArray);
    // Numbers have no step of this kind: a total after its subtotal by whole units is a
    // coincidence of their decimals, which the column's own rounding keeps anyway.
    const double step = spec.contains(QLatin1String("format")) ? stepOf(gaps) : 0;
    if (step > 0)
        spec.insert(QStringLiteral("gap_step"), step);
    else
        spec.remove(QStringLiteral("gap_step"));
    TimeOfDaySummary::keepIfOwn(bases, moments, spec);
}

double GapSummary::stepOf(const std::vector<double> &gaps)
{
    if (gaps.size() < size_t(MinStepGaps) ||
        std::none_of(gaps.begin(), gaps.end(), [](double gap) { return gap > 0; }))
        return 0;
    for (const double step : Steps) {
        // Moments parse to whole milliseconds at best; a gap within one of a whole step is one.
        const bool whole = std::all_of(gaps.begin(), gaps.end(), [step](double gap) {
            return std::abs(gap - std::round(gap / step) * step) < 1e-3;
        });
        if (whole)
            return step;
    }
    return 0;
}
