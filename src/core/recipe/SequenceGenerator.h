#pragma once

#include "ValueGenerator.h"

// Integer keys that continue after the largest existing one: start, start + step, ...
class SequenceGenerator : public ValueGenerator
{
public:
    SequenceGenerator(qint64 start, qint64 step) : m_next(start), m_step(step) {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &,
                  GeneratedValue &out) override
    {
        out.setInteger(m_next);
        m_next += m_step;
    }

private:
    qint64 m_next;
    qint64 m_step;
};
