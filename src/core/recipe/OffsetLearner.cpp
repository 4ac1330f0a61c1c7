#include "OffsetLearner.h"

#include "TextRecipeLearner.h"
#include "TreeColumn.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace {

// The column's whole-number values (NaN for NULL or anything else), if its recipe entry draws
// whole numbers: a choice of them, or a number without decimals.
bool wholeNumbers(const QJsonObject &spec, const QList<QVariantList> &rows, int c,
                  std::vector<double> *values)
{
    const QString generator = TreeColumn::generatorOf(spec);
    if (!(generator == QLatin1String("choice") ||
          (generator == QLatin1String("number") &&
           spec.value(QLatin1String("decimals")).toInt(-1) == 0)))
        return false;
    values->clear();
    for (const QVariantList &row : rows) {
        const QVariant &value = row[c];
        const int type = value.typeId();
        const bool number =
            type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double;
        const double x = number ? value.toDouble() : std::nan("");
        if (!value.isNull() && (!number || x != std::floor(x)))
            return false;
        values->push_back(x);
    }
    return true;
}

// The log-likelihood of each value held out from the others' counts, smoothed by half a
// count over the values seen and one more: a value seen once costs as much as an unseen one.
double heldOutLikelihood(const std::vector<qint64> &codes)
{
    QHash<qint64, qint64> counts;
    for (const qint64 code : codes)
        ++counts[code];
    const double n = double(codes.size());
    const double kinds = double(counts.size()) + 1;
    double total = 0;
    for (const qint64 code : codes)
        total += std::log((double(counts.value(code)) - 1 + 0.5) / (n - 1 + 0.5 * kinds));
    return total;
}

// The same for each value given its row's base value: a table per base value, smoothed towards
// the values' own shares by a prior of `OffsetLearner::TablePrior` rows (a Bayesian network's
// table, which a tree's leaves approach).
double heldOutGivenLikelihood(const std::vector<qint64> &base, const std::vector<qint64> &value)
{
    QHash<qint64, qint64> own, ofBase;
    QHash<QPair<qint64, qint64>, qint64> pairs;
    for (size_t i = 0; i < value.size(); ++i) {
        ++own[value[i]];
        ++ofBase[base[i]];
        ++pairs[qMakePair(base[i], value[i])];
    }
    const double n = double(value.size());
    const double kinds = double(own.size()) + 1;
    const double prior = OffsetLearner::TablePrior;
    double total = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        const double share = (double(own.value(value[i])) - 1 + 0.5) / (n - 1 + 0.5 * kinds);
        total += std::log((double(pairs.value(qMakePair(base[i], value[i]))) - 1 + prior * share) /
                          (double(ofBase.value(base[i])) - 1 + prior));
    }
    return total;
}

// The same for each value drawn as its base plus an offset, among the offsets that land on a
// value seen (as the generator draws them).
double heldOutOffsetLikelihood(const std::vector<qint64> &base, const std::vector<qint64> &value)
{
    QHash<qint64, qint64> offsets;
    QSet<qint64> known(value.begin(), value.end());
    for (size_t i = 0; i < value.size(); ++i)
        ++offsets[value[i] - base[i]];
    QHash<qint64, double> landing; // base value -> the weight of the offsets that land
    double total = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        auto it = landing.find(base[i]);
        if (it == landing.end()) {
            double weight = 0;
            for (auto o = offsets.constBegin(); o != offsets.constEnd(); ++o) {
                if (known.contains(base[i] + o.key()))
                    weight += double(o.value()) + 0.5;
            }
            it = landing.insert(base[i], weight);
        }
        total += std::log((double(offsets.value(value[i] - base[i])) - 1 + 0.5) / (*it - 1));
    }
    return total;
}

} // namespace

void OffsetLearner::link(const QStringList &names, const QList<QVariantList> &rows,
                         QJsonObject &columns)
{
    std::vector<std::vector<double>> values(size_t(names.size()));
    std::vector<bool> whole(size_t(names.size()), false);
    for (int c = 0, found = 0; c < names.size() && found < MaxColumns; ++c) {
        whole[size_t(c)] =
            wholeNumbers(columns.value(names[c]).toObject(), rows, c, &values[size_t(c)]);
        found += whole[size_t(c)] ? 1 : 0;
    }
    std::vector<bool> based(size_t(names.size()), false); // drawn from another: no base
    for (int b = 0; b < names.size(); ++b) {
        QJsonObject spec = columns.value(names[b]).toObject();
        if (!whole[size_t(b)] || TreeColumn::generatorOf(spec) != QLatin1String("choice") ||
            spec.contains(QLatin1String("given")))
            continue;
        int best = -1;
        double bestGain = MinGain;
        std::vector<qint64> bestOffsets;
        for (int a = 0; a < names.size(); ++a) {
            if (a == b || !whole[size_t(a)] || based[size_t(a)])
                continue;
            std::vector<qint64> own, offsets;
            for (size_t r = 0; r < values[size_t(b)].size(); ++r) {
                const double x = values[size_t(a)][r], y = values[size_t(b)][r];
                if (std::isnan(x) || std::isnan(y))
                    continue;
                own.push_back(qint64(y));
                offsets.push_back(qint64(y - x));
            }
            if (int(own.size()) < MinRows)
                continue;
            // Offsets more spread than the values themselves say nothing (and cost nothing).
            const double ownLikelihood = heldOutLikelihood(own);
            if (heldOutLikelihood(offsets) < ownLikelihood)
                continue;
            std::vector<qint64> bases(own.size());
            for (size_t i = 0; i < own.size(); ++i)
                bases[i] = own[i] - offsets[i];
            const double gain = heldOutOffsetLikelihood(bases, own) -
                                std::max(ownLikelihood, heldOutGivenLikelihood(bases, own));
            if (gain > bestGain) {
                best = a;
                bestGain = gain;
                bestOffsets = std::move(offsets);
            }
        }
        if (best < 0)
            continue;
        QHash<QString, qint64> counts;
        QHash<QString, QJsonValue> original;
        for (const qint64 offset : bestOffsets) {
            const QString key = QString::number(offset);
            ++counts[key];
            original.insert(key, double(offset));
        }
        spec.insert(QStringLiteral("plus"), names[best]);
        spec.insert(QStringLiteral("offsets"), TextRecipeLearner::weighted(counts, original, 1000));
        columns.insert(names[b], spec);
        based[size_t(b)] = true;
    }
}
