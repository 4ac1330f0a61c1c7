#pragma once

#include "NumericGenerator.h"
#include "ParentKeys.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

// A value that follows another value by a gap from the observed gaps (end date after start
// date, total after subtotal; an order placed after its customer signed up), written in this
// column's own form. The other value is a column of the row, or a column of the row's parent
// through a foreign key. When it is missing, the column's own distribution is used.
// A datetime with its own times of day ("time_of_day") takes its day from the gap and its
// time from those. With a step ("gap_step"), the gap is then moved to the nearest whole number
// of steps: a shipment whole hours after its order keeps the order's minutes and seconds.
class AfterGenerator : public ValueGenerator
{
public:
    AfterGenerator(int baseColumn, QuantileSampler gaps, std::unique_ptr<NumericGenerator> own)
        : m_base(baseColumn), m_gaps(std::move(gaps)), m_own(std::move(own))
    {}
    // Follows the parent's column `attribute` (with its values as numbers: ParentKeys
    // attributeOrders) of the foreign key in the base column.
    void followParent(std::shared_ptr<ParentKeys> parents, int attribute)
    {
        m_parents = std::move(parents);
        m_attribute = attribute;
    }
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const GeneratedValue *base = &row[size_t(m_base)];
        if (m_parents && base->type != GeneratedValue::Null)
            base = m_parents->attribute(*base, m_attribute);
        if (!base || base->type == GeneratedValue::Null) {
            m_own->generate(row, random, out);
            return;
        }
        double value = base->order + m_gaps.sample(random);
        // A time of day of its own (an order placed in opening hours, days after the signup)
        // where it still follows the base by at least the shortest gap seen.
        value = m_own->atTimeOfDay(value, base->order + m_gaps.min(),
                                   std::numeric_limits<double>::infinity(), random);
        if (m_step > 0)
            value = base->order + wholeSteps(value - base->order, std::ceil(m_gaps.min() / m_step));
        // Stay within this column's observed range when the base value allows it.
        const double high = m_own->sampler().max();
        if (value > high && high >= base->order)
            value = m_step > 0 ? base->order + std::floor((high - base->order) / m_step) * m_step
                               : high;
        m_own->write(value, out);
    }
    std::vector<int> dependencies() const override { return {m_base}; }
    // Every gap a whole number of `step` ("gap_step"; 0: any gap).
    void setStep(double step) { m_step = step; }

private:
    // The nearest whole number of steps to `gap`, and at least `fewest`.
    double wholeSteps(double gap, double fewest) const
    {
        return std::max(std::round(gap / m_step), fewest) * m_step;
    }

    int m_base;
    QuantileSampler m_gaps;
    std::unique_ptr<NumericGenerator> m_own;
    std::shared_ptr<ParentKeys> m_parents;
    int m_attribute = -1;
    double m_step = 0;
};
