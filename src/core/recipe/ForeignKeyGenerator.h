#pragma once

#include "ParentKeys.h"
#include "ValueGenerator.h"

#include <memory>

// A foreign key column: the first column of the key draws an existing parent key (as
// ParentKeys picks it), the others take their part of the same key.
class ForeignKeyGenerator : public ValueGenerator
{
public:
    ForeignKeyGenerator(std::shared_ptr<ParentKeys> parents, int position, int firstColumn)
        : m_parents(std::move(parents)), m_position(position), m_first(firstColumn)
    {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        if (m_position == 0)
            m_parents->pick(random);
        out = m_parents->keys[m_parents->current][size_t(m_position)];
    }
    std::vector<int> dependencies() const override
    {
        return m_position == 0 ? std::vector<int>{} : std::vector<int>{m_first};
    }

private:
    std::shared_ptr<ParentKeys> m_parents;
    int m_position;
    int m_first;
};
