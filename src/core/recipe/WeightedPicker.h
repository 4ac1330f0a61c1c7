#pragma once

#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <algorithm>
#include <vector>

// Draws items with given weights in constant time (Walker's alias method): one random number
// picks a slot and decides between the slot's item and its alias.
template <typename T> class WeightedPicker
{
public:
    WeightedPicker() = default;
    explicit WeightedPicker(const QList<QPair<T, double>> &items)
    {
        const size_t n = size_t(items.size());
        double total = 0;
        for (const auto &[item, weight] : items) {
            m_items.push_back(item);
            total += weight;
        }
        m_total = total;
        m_threshold.assign(n, 1.0);
        m_alias.resize(n);
        std::vector<double> scaled(n);
        std::vector<size_t> small, large;
        for (size_t i = 0; i < n; ++i) {
            m_alias[i] = i;
            scaled[i] = items[qsizetype(i)].second * double(n) / total;
            (scaled[i] < 1.0 ? small : large).push_back(i);
        }
        while (!small.empty() && !large.empty()) {
            const size_t less = small.back(), more = large.back();
            small.pop_back();
            m_threshold[less] = scaled[less];
            m_alias[less] = more;
            scaled[more] -= 1.0 - scaled[less];
            if (scaled[more] < 1.0) {
                large.pop_back();
                small.push_back(more);
            }
        }
    }

    bool isEmpty() const { return m_items.empty(); }
    size_t size() const { return m_items.size(); }
    double totalWeight() const { return m_total; }
    bool contains(const T &item) const
    {
        return std::find(m_items.begin(), m_items.end(), item) != m_items.end();
    }
    const T &pick(QRandomGenerator &random) const
    {
        const double position = random.generateDouble() * double(m_items.size());
        const size_t slot = std::min(size_t(position), m_items.size() - 1);
        return position - double(slot) < m_threshold[slot] ? m_items[slot] : m_items[m_alias[slot]];
    }

private:
    std::vector<T> m_items;
    std::vector<double> m_threshold;
    std::vector<size_t> m_alias;
    double m_total = 0;
};
