#pragma once

#include "ValueGenerator.h"

// The same value in every row.
class ConstantGenerator : public ValueGenerator
{
public:
    explicit ConstantGenerator(GeneratedValue value) : m_value(std::move(value)) {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &,
                  GeneratedValue &out) override
    {
        out = m_value;
    }

private:
    GeneratedValue m_value;
};
