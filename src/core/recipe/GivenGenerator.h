#pragma once

#include "GivenEntry.h"
#include "RowHashSet.h"
#include "ValueGenerator.h"

#include <QHash>
#include <memory>

// A number or words drawn given another column's value from that value's own (a state's own
// latitudes, a country's own makes of car), blended with the column's as counts and a prior: a
// value seen in n rows is drawn from its own entry n / (n + smoothing) of the time, and from
// the column's otherwise or when it was never seen.
class GivenGenerator : public ValueGenerator
{
public:
    struct Entry
    {
        std::shared_ptr<ValueGenerator> generator;
        double rows = 0;
    };

    GivenGenerator(int given, QHash<QByteArray, Entry> byGiven,
                   std::unique_ptr<ValueGenerator> otherwise, double smoothing)
        : m_given(given), m_byGiven(std::move(byGiven)), m_otherwise(std::move(otherwise)),
          m_smoothing(smoothing)
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const auto it = GivenEntry::find(m_byGiven, row[size_t(m_given)]);
        if (it != m_byGiven.constEnd() && GivenEntry::taken(it->rows, m_smoothing, random))
            it->generator->generate(row, random, out);
        else
            m_otherwise->generate(row, random, out);
    }
    // The given value, and what the column's own numbers follow (a copula's quartiles), not
    // every value they follow: copies trade a value only between rows drawn alike.
    quint64 context(const std::vector<GeneratedValue> &row) const override
    {
        return RowHashSet::combine(RowHashSet::hashValue(row[size_t(m_given)]),
                                   m_otherwise->context(row));
    }
    std::vector<int> dependencies() const override
    {
        std::vector<int> columns = m_otherwise->dependencies();
        columns.push_back(m_given);
        for (const Entry &entry : m_byGiven) {
            const std::vector<int> more = entry.generator->dependencies();
            columns.insert(columns.end(), more.begin(), more.end());
        }
        std::sort(columns.begin(), columns.end());
        columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
        return columns;
    }

private:
    int m_given;
    QHash<QByteArray, Entry> m_byGiven;
    std::unique_ptr<ValueGenerator> m_otherwise;
    double m_smoothing;
};
