#pragma once

#include "RowHashSet.h"
#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <memory>

// Text that begins with another column's value in the same row, in the observed share of
// rows: an airport named after its city ("Crossett" → "Crossett Municipal"), followed by one of
// the observed tails. The other rows, and rows whose column is NULL, take the column's own
// generator, so that the names not made from a city still look like the real ones.
class StartsWithGenerator : public ValueGenerator
{
public:
    StartsWithGenerator(int column, double share, WeightedPicker<QByteArray> tails,
                        std::unique_ptr<ValueGenerator> otherwise)
        : m_column(column), m_share(share), m_tails(std::move(tails)),
          m_otherwise(std::move(otherwise))
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const GeneratedValue &head = row[size_t(m_column)];
        if (head.type != GeneratedValue::Null && random.generateDouble() < m_share)
            out.setText(head.key() + m_tails.pick(random));
        else
            m_otherwise->generate(row, random, out);
    }
    quint64 context(const std::vector<GeneratedValue> &row) const override
    {
        return RowHashSet::combine(RowHashSet::hashValue(row[size_t(m_column)]),
                                   m_otherwise->context(row));
    }
    std::vector<int> dependencies() const override
    {
        std::vector<int> columns = m_otherwise->dependencies();
        if (std::find(columns.begin(), columns.end(), m_column) == columns.end())
            columns.push_back(m_column);
        return columns;
    }

private:
    int m_column;
    double m_share;
    WeightedPicker<QByteArray> m_tails;
    std::unique_ptr<ValueGenerator> m_otherwise;
};
