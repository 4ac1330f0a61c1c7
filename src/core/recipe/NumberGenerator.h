#pragma once

#include "NumericGenerator.h"
#include "db/SqlAffinity.h"

// Numbers from the empirical distribution, with the observed number of decimal places
// (0: integers), never outside the observed range.
class NumberGenerator : public NumericGenerator
{
public:
    NumberGenerator(QuantileSampler sampler, int decimals, SqlAffinity::Kind affinity);
    void write(double value, GeneratedValue &out) const override;

private:
    int m_decimals;
    double m_scale;
    SqlAffinity::Kind m_affinity;
};
