#include "WordChainLearner.h"

#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>
#include <cmath>

namespace {

constexpr double Smoothings[] = {0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};

// What the words generator draws at position i without a chain: the text ends when i reaches
// the drawn count, else a word of the position's pool. Each value's own words and count are
// left out of the shares that predict it, a little smoothed so that a word seen once is not
// impossible (the same in both models, so it cancels but for that word).
class Positions
{
public:
    Positions(const QList<QStringList> &values, int positions) : m_pools(size_t(positions))
    {
        for (const QStringList &words : values) {
            ++m_lengths[int(words.size())];
            for (qsizetype i = 0; i < words.size(); ++i) {
                QHash<QString, double> &pool = m_pools[std::min(size_t(i), m_pools.size() - 1)];
                pool[words[i]] += 1;
            }
        }
        for (const QHash<QString, double> &pool : m_pools) {
            double total = 0;
            for (const double count : pool)
                total += count;
            m_totals.push_back(total);
        }
        for (auto it = m_lengths.constBegin(); it != m_lengths.constEnd(); ++it) {
            for (int i = 0; i <= it.key(); ++i)
                m_reaching[i] += it.value();
        }
    }
    // The share of the word (or the end, when `word` is empty) at position i of `words`.
    double share(const QStringList &words, int i, const QString &word) const
    {
        const int length = int(words.size());
        const double reaching = m_reaching.value(i) - 1,
                     ending = m_lengths.value(i) - (length == i);
        const double end = (ending + 0.5) / (reaching + 1);
        if (word.isEmpty())
            return end;
        const size_t p = std::min(size_t(i), m_pools.size() - 1);
        const QHash<QString, double> &pool = m_pools[p];
        return (1 - end) * (pool.value(word) - 1 + 0.5) /
               (m_totals[p] - 1 + 0.5 * double(pool.size()));
    }

private:
    std::vector<QHash<QString, double>> m_pools;
    std::vector<double> m_totals;
    QHash<int, double> m_lengths;  // values by their count of words
    QHash<int, double> m_reaching; // values of at least i words
};

} // namespace

QJsonObject WordChainLearner::fit(const QList<QStringList> &values, int positions)
{
    // Each word's followers, "" for the end of the text.
    QHash<QString, QHash<QString, qint64>> followers;
    QHash<QString, qint64> seen;
    for (const QStringList &words : values) {
        for (qsizetype i = 0; i < words.size(); ++i) {
            ++followers[words[i]][i + 1 < words.size() ? words[i + 1] : QString()];
            ++seen[words[i]];
        }
    }
    const Positions alone(values, positions);
    // The held-out gain of each smoothing: a word seen once has no other row to learn from, and
    // its prediction is the positions' own whatever a is.
    double bestGain = 0, bestSmoothing = 0;
    for (const double a : Smoothings) {
        double gain = 0;
        for (const QStringList &words : values) {
            for (int i = 0; i < int(words.size()); ++i) {
                const double others = double(seen.value(words[i])) - 1;
                if (others < 1)
                    continue;
                const QString next = i + 1 < words.size() ? words[i + 1] : QString();
                const double share = alone.share(words, i + 1, next);
                const QHash<QString, qint64> &after = followers[words[i]];
                const double pair = double(after.value(next)) - 1;
                // Kinds of followers in the other rows: this one's only if another row has it.
                const double kinds = double(after.size()) - (pair < 1 ? 1 : 0);
                const double prior = a * std::max(kinds, 1.0);
                gain += std::log((pair + prior * share) / (others + prior)) - std::log(share);
            }
        }
        if (gain > bestGain)
            bestGain = gain, bestSmoothing = a;
    }
    if (bestGain < MinGain)
        return {};
    QHash<QString, qint64> repeated;
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it) {
        if (it.value() >= 2)
            repeated.insert(it.key(), it.value());
    }
    QJsonObject by;
    for (const QJsonValue &item : TextRecipeLearner::weighted(repeated, MaxWords)) {
        const QString word = item.toObject().value(QLatin1String("value")).toString();
        by.insert(word, TextRecipeLearner::weighted(followers.value(word), MaxWords));
    }
    return QJsonObject{{QStringLiteral("smoothing"), bestSmoothing}, {QStringLiteral("by"), by}};
}
