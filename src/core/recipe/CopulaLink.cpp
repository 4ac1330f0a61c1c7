#include "CopulaLink.h"

#include "RowHashSet.h"
#include "util/NormalDistribution.h"

#include <algorithm>

namespace {
// Ranks kept off 0 and 1, where normal scores are infinite: a value at the edge of what was
// seen is as extreme as the most extreme of about a thousand.
constexpr double Edge = 0.0005;
} // namespace

double CopulaLink::draw(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                        const QuantileSampler &own) const
{
    double z = 0;
    for (const Given &given : m_given) {
        const GeneratedValue &value = row[size_t(given.column)];
        if (value.type == GeneratedValue::Null)
            return own.sample(random);
        const double rank = std::clamp(given.ranks.rank(value.order), Edge, 1 - Edge);
        z += given.weight * NormalDistribution::quantile(rank);
    }
    z += m_noise * NormalDistribution::sample(random);
    return own.at(NormalDistribution::cdf(z));
}

std::vector<int> CopulaLink::columns() const
{
    std::vector<int> columns;
    for (const Given &given : m_given)
        columns.push_back(given.column);
    return columns;
}

quint64 CopulaLink::context(const std::vector<GeneratedValue> &row) const
{
    quint64 hash = 0;
    for (const Given &given : m_given) {
        const GeneratedValue &value = row[size_t(given.column)];
        const quint64 quartile =
            value.type == GeneratedValue::Null
                ? 4
                : quint64(std::clamp(int(given.ranks.rank(value.order) * 4), 0, 3));
        hash = RowHashSet::combine(hash, quartile);
    }
    return hash;
}
