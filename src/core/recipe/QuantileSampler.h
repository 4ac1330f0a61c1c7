#pragma once

#include <QRandomGenerator>
#include <vector>

// Draws from an empirical distribution given by evenly spaced quantiles (the minimum, ...,
// the maximum), interpolating linearly between neighbours: values follow the observed shape,
// not a uniform spread between the extremes, and never leave [minimum, maximum].
class QuantileSampler
{
public:
    QuantileSampler() = default;
    explicit QuantileSampler(std::vector<double> quantiles) : m_quantiles(std::move(quantiles)) {}

    double sample(QRandomGenerator &random) const
    {
        const double position = random.generateDouble() * double(m_quantiles.size() - 1);
        const size_t index = size_t(position);
        if (index + 1 >= m_quantiles.size())
            return m_quantiles.back();
        const double low = m_quantiles[index], high = m_quantiles[index + 1];
        return low + (high - low) * (position - double(index));
    }
    double min() const { return m_quantiles.front(); }
    double max() const { return m_quantiles.back(); }

    // `count` evenly spaced quantiles of sorted values (count >= 2).
    static std::vector<double> quantilesOf(const std::vector<double> &sorted, int count)
    {
        std::vector<double> result;
        if (sorted.empty())
            return result;
        for (int i = 0; i < count; ++i) {
            const double position = double(i) * double(sorted.size() - 1) / double(count - 1);
            const size_t index = size_t(position);
            const double low = sorted[index];
            const double high = sorted[std::min(index + 1, sorted.size() - 1)];
            result.push_back(low + (high - low) * (position - double(index)));
        }
        return result;
    }

private:
    std::vector<double> m_quantiles;
};
