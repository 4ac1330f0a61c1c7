#include "TimeOfDaySummary.h"

#include "DateParts.h"
#include "GeneratorSpec.h"
#include "NumberSummary.h"

#include <QJsonArray>
#include <QTime>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

// An atom's time of day in whole seconds, rounded down so that it stays within the day:
// HH:mm:ss reads at a glance.
QString asText(double seconds)
{
    return QTime::fromMSecsSinceStartOfDay(int(std::floor(seconds)) * 1000)
        .toString(QStringLiteral("HH:mm:ss"));
}

// A time as HH:mm[:ss[.zzz]] text or seconds since midnight; NaN if it is neither or is not
// within the day.
double secondsOf(const QJsonValue &value)
{
    double seconds = std::nan("");
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        for (const QString &format : {QStringLiteral("HH:mm:ss.zzz"), QStringLiteral("HH:mm:ss"),
                                      QStringLiteral("HH:mm")}) {
            const QTime time = QTime::fromString(value.toString(), format);
            if (time.isValid()) {
                seconds = time.msecsSinceStartOfDay() / 1000.0;
                break;
            }
        }
    }
    return seconds >= 0 && seconds < TimeOfDaySummary::SecondsPerDay ? seconds : std::nan("");
}

const QString Hour = QStringLiteral("hour");

} // namespace

void TimeOfDaySummary::keepIfOwn(const std::vector<double> &bases,
                                 const std::vector<double> &moments, QJsonObject &spec)
{
    // Held-out likelihood of each moment's hour: every second pair learns, the others are
    // predicted, once from the hours of their own column and once from their base plus each
    // gap learned. The own times stay when they predict better by e^20, the margin the other
    // learners ask.
    constexpr double Margin = 20;
    constexpr size_t MaxGaps = 200;
    if (!spec.contains(QLatin1String(Key)))
        return;
    std::vector<size_t> pairs;
    for (size_t i = 0; i < bases.size() && i < moments.size(); ++i) {
        if (std::isfinite(bases[i]) && std::isfinite(moments[i]))
            pairs.push_back(i);
    }
    std::vector<double> gaps;
    std::vector<double> ownHours(24, 1); // add-one smoothing
    for (size_t k = 0; k < pairs.size(); k += 2) {
        gaps.push_back(moments[pairs[k]] - bases[pairs[k]]);
        ownHours[size_t(DateParts::of(moments[pairs[k]], Hour))] += 1;
    }
    const double ownTotal = std::accumulate(ownHours.begin(), ownHours.end(), 0.0);
    std::sort(gaps.begin(), gaps.end());
    if (gaps.size() > MaxGaps)
        gaps = QuantileSampler::quantilesOf(gaps, int(MaxGaps));
    double gain = 0;
    for (size_t k = 1; k < pairs.size(); k += 2) {
        const double base = bases[pairs[k]];
        const int hour = DateParts::of(moments[pairs[k]], Hour);
        double fromBase = 1.0 / 24; // smoothing of one gap spread over the day
        for (const double gap : gaps)
            fromBase += DateParts::of(base + gap, Hour) == hour ? 1 : 0;
        gain += std::log(ownHours[size_t(hour)] / ownTotal) -
                std::log(fromBase / (double(gaps.size()) + 1));
    }
    if (gain < Margin)
        spec.remove(QLatin1String(Key));
}

void TimeOfDaySummary::describe(const std::vector<double> &moments, QJsonObject &spec)
{
    std::vector<double> times;
    times.reserve(moments.size());
    for (const double moment : moments) {
        if (std::isfinite(moment))
            times.push_back(moment - std::floor(moment / SecondsPerDay) * SecondsPerDay);
    }
    if (times.empty())
        return;
    std::sort(times.begin(), times.end());
    const std::vector<QuantileSampler::Atom> atoms =
        QuantileSampler::takeAtoms(times, NumberSummary::AtomShare);
    const int step = moments.size() >= QuarterHoursFrom ? 15 : 60;
    QJsonArray weights;
    std::vector<int> counts(size_t(1440 / step), 0);
    for (const double time : times)
        ++counts[std::min(counts.size() - 1, size_t(time / 60 / step))];
    for (const int count : counts)
        weights << count;
    QJsonObject summary{{QStringLiteral("step"), step}, {QStringLiteral("weights"), weights}};
    if (!atoms.empty()) {
        QJsonArray list;
        for (const QuantileSampler::Atom &atom : atoms)
            list << QJsonObject{{QStringLiteral("value"), asText(atom.value)},
                                {QStringLiteral("share"), std::round(atom.share * 1e6) / 1e6}};
        summary.insert(QStringLiteral("atoms"), list);
    }
    spec.insert(QLatin1String(Key), summary);
}

std::optional<TimeOfDaySampler> TimeOfDaySummary::read(const GeneratorSpec &spec)
{
    if (!spec.has(QLatin1String(Key)))
        return std::nullopt;
    const GeneratorSpec times(spec.object(QLatin1String(Key)),
                              spec.column() + QLatin1Char('.') + QLatin1String(Key),
                              spec.columnIndex());
    std::vector<TimeOfDaySampler::Atom> atoms;
    double atomsTotal = 0;
    if (times.has(QStringLiteral("atoms"))) {
        const QString shape =
            QStringLiteral("must be a list of {\"value\": time, \"share\": number in (0, 1]}");
        const QJsonValue given = times.value(QStringLiteral("atoms"));
        if (!given.isArray())
            times.fail(QStringLiteral("atoms"), shape);
        for (const QJsonValue &item : given.toArray()) {
            const double seconds = secondsOf(item.toObject().value(QLatin1String("value")));
            const QJsonValue share = item.toObject().value(QLatin1String("share"));
            if (std::isnan(seconds))
                times.fail(QStringLiteral("atoms"),
                           QStringLiteral("must hold times of day (HH:mm:ss, or seconds since "
                                          "midnight below 86400)"));
            if (!share.isDouble() || !(share.toDouble() > 0) || share.toDouble() > 1)
                times.fail(QStringLiteral("atoms"), shape);
            atoms.push_back({seconds, share.toDouble()});
            atomsTotal += share.toDouble();
        }
        if (atomsTotal > 1.001) // shares written rounded may add up to a little over 1
            times.fail(QStringLiteral("atoms"),
                       QStringLiteral("shares add up to %1, more than 1").arg(atomsTotal));
    }
    const qint64 step = times.integer(QStringLiteral("step"), 1, 1440);
    if (1440 % step != 0)
        times.fail(QStringLiteral("step"),
                   QStringLiteral("must divide the day's 1440 minutes (15, 30, 60, ...)"));
    const QJsonValue list = times.value(QStringLiteral("weights"));
    if (!list.isArray() || list.toArray().size() != 1440 / step)
        times.fail(QStringLiteral("weights"),
                   QStringLiteral("must list %1 weights, one per %2 minutes from 00:00")
                       .arg(1440 / step)
                       .arg(step));
    std::vector<double> weights;
    double total = 0;
    for (const QJsonValue &item : list.toArray()) {
        if (!item.isDouble() || !std::isfinite(item.toDouble()) || item.toDouble() < 0)
            times.fail(QStringLiteral("weights"), QStringLiteral("must be numbers >= 0"));
        weights.push_back(item.toDouble());
        total += item.toDouble();
    }
    if (!(total > 0) && atomsTotal < 0.999)
        times.fail(QStringLiteral("weights"),
                   QStringLiteral("must not all be 0 unless the atoms take every draw"));
    return TimeOfDaySampler(double(step) * 60, weights, atoms);
}
