#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

// Names and free text as new combinations of observed words: the number of words from the
// observed counts, word i from pool i (the last pool for the words beyond), never longer than
// the longest observed value.
class WordsGenerator : public ValueGenerator
{
public:
    WordsGenerator(std::vector<WeightedPicker<QByteArray>> pools, WeightedPicker<int> counts,
                   QByteArray separator, int maxLength)
        : m_pools(std::move(pools)), m_counts(std::move(counts)), m_separator(std::move(separator)),
          m_maxLength(maxLength)
    {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override;

private:
    QByteArray draw(QRandomGenerator &random) const;

    std::vector<WeightedPicker<QByteArray>> m_pools;
    WeightedPicker<int> m_counts;
    QByteArray m_separator;
    int m_maxLength; // characters; 0: no limit
};
