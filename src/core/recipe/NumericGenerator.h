#pragma once

#include "CopulaLink.h"
#include "QuantileSampler.h"
#include "ValueGenerator.h"

#include <optional>

// A generator of ordered values (numbers, dates): it draws from its quantiles, at a rank tied
// to other columns' when it has a copula link, and it can write a value computed elsewhere (by
// "after") in its column's form.
class NumericGenerator : public ValueGenerator
{
public:
    explicit NumericGenerator(QuantileSampler sampler) : m_sampler(std::move(sampler)) {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        write(draw(row, random), out);
    }
    std::vector<int> dependencies() const override
    {
        return m_link ? m_link->columns() : std::vector<int>();
    }
    quint64 context(const std::vector<GeneratedValue> &row) const override
    {
        return m_link ? m_link->context(row) : 0;
    }
    virtual void write(double value, GeneratedValue &out) const = 0;
    // The day of moment `value` at a time of day drawn apart from it, within [low, high], where
    // the column has such times (DateTimeGenerator); `value` itself otherwise.
    virtual double atTimeOfDay(double value, double /*low*/, double /*high*/,
                               QRandomGenerator &) const
    {
        return value;
    }
    const QuantileSampler &sampler() const { return m_sampler; }
    void setLink(CopulaLink link) { m_link = std::move(link); }

protected:
    double draw(const std::vector<GeneratedValue> &row, QRandomGenerator &random) const
    {
        return m_link ? m_link->draw(row, random, m_sampler) : m_sampler.sample(random);
    }

private:
    QuantileSampler m_sampler;
    std::optional<CopulaLink> m_link;
};
