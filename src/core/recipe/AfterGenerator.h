#pragma once

#include "NumericGenerator.h"

#include <memory>

// A value that follows another column's value by a gap from the observed gaps (end date after
// start date, total after subtotal), written in this column's own form. When the other value
// is missing, the column's own distribution is used.
class AfterGenerator : public ValueGenerator
{
public:
    AfterGenerator(int baseColumn, QuantileSampler gaps, std::unique_ptr<NumericGenerator> own)
        : m_base(baseColumn), m_gaps(std::move(gaps)), m_own(std::move(own))
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const GeneratedValue &base = row[size_t(m_base)];
        if (base.type == GeneratedValue::Null) {
            m_own->generate(row, random, out);
            return;
        }
        double value = base.order + m_gaps.sample(random);
        // Stay within this column's observed range when the base value allows it.
        const double high = m_own->sampler().max();
        if (value > high && high >= base.order)
            value = high;
        m_own->write(value, out);
    }
    std::vector<int> dependencies() const override { return {m_base}; }

private:
    int m_base;
    QuantileSampler m_gaps;
    std::unique_ptr<NumericGenerator> m_own;
};
