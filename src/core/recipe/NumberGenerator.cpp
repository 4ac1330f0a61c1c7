#include "NumberGenerator.h"

#include "RecipeValue.h"

#include <cmath>

NumberGenerator::NumberGenerator(QuantileSampler sampler, int decimals, SqlAffinity::Kind affinity)
    : NumericGenerator(std::move(sampler)), m_decimals(decimals), m_scale(std::pow(10.0, decimals)),
      m_affinity(affinity)
{}

void NumberGenerator::write(double value, GeneratedValue &out) const
{
    double rounded = std::round(value * m_scale) / m_scale;
    // Rounding must not step outside the range the quantiles allow.
    const double low = std::ceil(sampler().min() * m_scale) / m_scale;
    const double high = std::floor(sampler().max() * m_scale) / m_scale;
    if (low <= high)
        rounded = std::clamp(rounded, low, high);
    if (m_affinity == SqlAffinity::Text) {
        out.setText(m_decimals == 0 ? QByteArray::number(qint64(rounded))
                                    : QByteArray::number(rounded, 'f', m_decimals));
        out.order = rounded;
    } else if (m_decimals == 0 && m_affinity != SqlAffinity::Real) {
        out.setInteger(qint64(rounded));
    } else {
        out.setReal(rounded);
    }
}
