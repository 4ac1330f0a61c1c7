#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <QHash>
#include <QSet>

// Names and free text as new combinations of observed words: the number of words from the
// observed counts, word i from pool i (the last pool for the words beyond), never longer than
// the longest observed value. With a chain ("next"), a word's observed followers (the end of
// the text among them) come after it as counts n blended with a prior of `smoothing` per kind
// of follower k (n / (n + smoothing k) of the time); the pools and the count otherwise. A word
// whose followers lack the end never ended a real text ("Hot" of "Hot Springs"), so the count
// does not end the text there: a follower comes after it.
class WordsGenerator : public ValueGenerator
{
public:
    WordsGenerator(std::vector<WeightedPicker<QByteArray>> pools, WeightedPicker<int> counts,
                   QByteArray separator, int maxLength)
        : m_pools(std::move(pools)), m_counts(std::move(counts)), m_separator(std::move(separator)),
          m_maxLength(maxLength)
    {}
    // Followers of each word, an empty one for the end of the text.
    void setChain(QHash<QByteArray, WeightedPicker<QByteArray>> next, double smoothing)
    {
        m_next = std::move(next);
        m_smoothing = smoothing;
        m_neverEnding.clear();
        for (auto it = m_next.cbegin(); it != m_next.cend(); ++it) {
            if (!it->contains(QByteArray()))
                m_neverEnding.insert(it.key());
        }
    }
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override;

private:
    QByteArray draw(QRandomGenerator &random) const;

    std::vector<WeightedPicker<QByteArray>> m_pools;
    WeightedPicker<int> m_counts;
    QByteArray m_separator;
    int m_maxLength; // characters; 0: no limit
    QHash<QByteArray, WeightedPicker<QByteArray>> m_next;
    double m_smoothing = 0;
    QSet<QByteArray> m_neverEnding;
};
