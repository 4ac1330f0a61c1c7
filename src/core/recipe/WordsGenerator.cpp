#include "WordsGenerator.h"

#include "GivenEntry.h"

#include <QString>

QByteArray WordsGenerator::draw(QRandomGenerator &random) const
{
    constexpr int MaxWords = 1000; // a chain may loop ("of the ... of the"); counts stop there
    const int count = std::max(1, m_counts.pick(random));
    QByteArray text, previous;
    for (int i = 0; i < MaxWords; ++i) {
        QByteArray word;
        const auto next = i ? m_next.constFind(previous) : m_next.constEnd();
        if (next != m_next.constEnd() &&
            GivenEntry::taken(next->totalWeight(), m_smoothing * double(next->size()), random)) {
            word = next->pick(random);
            if (word.isEmpty())
                break;
        } else if (i < count) {
            word = m_pools[std::min(size_t(i), m_pools.size() - 1)].pick(random);
        } else if (m_neverEnding.contains(previous)) {
            word = next->pick(random); // no real text ends with `previous`
        } else {
            break;
        }
        if (i)
            text += m_separator;
        text += word;
        previous = word;
    }
    return text;
}

void WordsGenerator::generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                              GeneratedValue &out)
{
    QByteArray text = draw(random);
    // UTF-8 has at least as many bytes as characters: only long texts need counting.
    for (int attempt = 0; m_maxLength > 0 && text.size() > m_maxLength; ++attempt) {
        QString characters = QString::fromUtf8(text);
        if (characters.size() <= m_maxLength)
            break;
        if (attempt == 8) {
            characters.truncate(m_maxLength);
            text = characters.trimmed().toUtf8();
            break;
        }
        text = draw(random);
    }
    out.setText(text);
}
