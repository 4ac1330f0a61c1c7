#pragma once

#include "GivenEntry.h"
#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <QHash>
#include <memory>

// Values drawn with their observed frequencies. With a `given` column, drawn given that
// column's value (a city with its country), else from all values. What a given value holds is
// a choice of its own: its values, and maybe a column it is given in turn (an airport given its
// state, and within the state given the airline). With a smoothing a > 0 the given value's
// choice (of n rows) is blended with this one's values as counts and a prior: it is drawn from
// n / (n + a) of the time.
class ChoiceGenerator : public ValueGenerator
{
public:
    ChoiceGenerator(WeightedPicker<GeneratedValue> values, int given,
                    QHash<QByteArray, std::shared_ptr<ChoiceGenerator>> byGiven,
                    double smoothing = 0)
        : m_values(std::move(values)), m_given(given), m_byGiven(std::move(byGiven)),
          m_smoothing(smoothing)
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        if (m_given >= 0) {
            const auto it = GivenEntry::find(m_byGiven, row[size_t(m_given)]);
            if (it != m_byGiven.constEnd() &&
                GivenEntry::taken((*it)->m_values.totalWeight(), m_smoothing, random)) {
                (*it)->generate(row, random, out);
                return;
            }
        }
        out = m_values.pick(random);
    }
    std::vector<int> dependencies() const override
    {
        std::vector<int> columns;
        if (m_given >= 0)
            columns.push_back(m_given);
        for (const auto &inner : m_byGiven) {
            for (const int c : inner->dependencies()) {
                if (std::find(columns.begin(), columns.end(), c) == columns.end())
                    columns.push_back(c);
            }
        }
        return columns;
    }

private:
    WeightedPicker<GeneratedValue> m_values;
    int m_given;
    QHash<QByteArray, std::shared_ptr<ChoiceGenerator>> m_byGiven;
    double m_smoothing;
};
