#include "NumberSummary.h"

#include "GeneratorSpec.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

void NumberSummary::describe(std::vector<double> values, int count, bool alwaysAtoms,
                             QJsonObject &spec)
{
    std::sort(values.begin(), values.end());
    const std::vector<QuantileSampler::Atom> atoms = QuantileSampler::takeAtoms(values, AtomShare);
    if (values.empty()) { // every value is an atom: the quantiles are never drawn from
        for (const QuantileSampler::Atom &atom : atoms)
            values.push_back(atom.value);
        std::sort(values.begin(), values.end());
    }
    if (values.size() == 1)
        values.push_back(values.front());
    QJsonArray quantiles;
    // More quantiles than values would say nothing more.
    for (const double q :
         QuantileSampler::quantilesOf(values, int(std::min<size_t>(size_t(count), values.size()))))
        quantiles << q;
    spec.insert(QStringLiteral("quantiles"), quantiles);
    if (atoms.empty() && !alwaysAtoms)
        return;
    QJsonArray list;
    for (const QuantileSampler::Atom &atom : atoms)
        list << QJsonObject{{QStringLiteral("value"), atom.value},
                            {QStringLiteral("share"), std::round(atom.share * 1e6) / 1e6}};
    spec.insert(QStringLiteral("atoms"), list);
}

std::vector<QuantileSampler::Atom> NumberSummary::atoms(const GeneratorSpec &spec)
{
    std::vector<QuantileSampler::Atom> atoms;
    if (!spec.has(QStringLiteral("atoms")))
        return atoms;
    const QJsonValue value = spec.value(QStringLiteral("atoms"));
    if (!value.isArray())
        spec.fail(QStringLiteral("atoms"),
                  QStringLiteral("must be a list of {\"value\": number, \"share\": number}"));
    double total = 0;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonValue number = item.toObject().value(QLatin1String("value"));
        const QJsonValue share = item.toObject().value(QLatin1String("share"));
        if (!number.isDouble() || !std::isfinite(number.toDouble()) || !share.isDouble() ||
            !(share.toDouble() > 0) || share.toDouble() > 1)
            spec.fail(QStringLiteral("atoms"),
                      QStringLiteral("must list {\"value\": number, \"share\": number in (0, 1]}"));
        atoms.push_back({number.toDouble(), share.toDouble()});
        total += share.toDouble();
    }
    if (total > 1.001) // shares written rounded may add up to a little over 1
        spec.fail(QStringLiteral("atoms"),
                  QStringLiteral("shares add up to %1, more than 1").arg(total));
    return atoms;
}
