#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <QHash>

// Values drawn with their observed frequencies. With a `given` column, drawn from the values
// seen with that column's value (a city with its country), else from all values.
class ChoiceGenerator : public ValueGenerator
{
public:
    ChoiceGenerator(WeightedPicker<GeneratedValue> values, int given,
                    QHash<QByteArray, WeightedPicker<GeneratedValue>> byGiven)
        : m_values(std::move(values)), m_given(given), m_byGiven(std::move(byGiven))
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        if (m_given >= 0) {
            const auto it = m_byGiven.constFind(row[size_t(m_given)].key());
            if (it != m_byGiven.constEnd()) {
                out = it->pick(random);
                return;
            }
        }
        out = m_values.pick(random);
    }
    std::vector<int> dependencies() const override
    {
        return m_given >= 0 ? std::vector<int>{m_given} : std::vector<int>{};
    }

private:
    WeightedPicker<GeneratedValue> m_values;
    int m_given;
    QHash<QByteArray, WeightedPicker<GeneratedValue>> m_byGiven;
};
