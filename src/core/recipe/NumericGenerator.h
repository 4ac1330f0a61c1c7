#pragma once

#include "QuantileSampler.h"
#include "ValueGenerator.h"

// A generator of ordered values (numbers, dates): it draws from its quantiles, and it can
// write a value computed elsewhere (by "after") in its column's form.
class NumericGenerator : public ValueGenerator
{
public:
    explicit NumericGenerator(QuantileSampler sampler) : m_sampler(std::move(sampler)) {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        write(m_sampler.sample(random), out);
    }
    virtual void write(double value, GeneratedValue &out) const = 0;
    const QuantileSampler &sampler() const { return m_sampler; }

private:
    QuantileSampler m_sampler;
};
