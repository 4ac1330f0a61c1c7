#pragma once

#include <QtGlobal>
#include <vector>

// A set of 64-bit fingerprints: open addressing with linear probing, at most 60% full. One
// cache line per lookup, where std::unordered_set chases a pointer per node.
class FingerprintSet
{
public:
    bool contains(quint64 fingerprint) const
    {
        if (m_slots.empty())
            return false;
        const quint64 key = fingerprint ? fingerprint : 1; // 0 marks an empty slot
        for (size_t i = size_t(key) & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i] == key)
                return true;
            if (m_slots[i] == 0)
                return false;
        }
    }
    // False if it was there already.
    bool insert(quint64 fingerprint)
    {
        if ((m_count + 1) * 10 > m_slots.size() * 6)
            grow();
        const quint64 key = fingerprint ? fingerprint : 1;
        for (size_t i = size_t(key) & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i] == key)
                return false;
            if (m_slots[i] == 0) {
                m_slots[i] = key;
                ++m_count;
                return true;
            }
        }
    }
    size_t size() const { return m_count; }

private:
    void grow()
    {
        std::vector<quint64> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, 0);
        m_mask = m_slots.size() - 1;
        m_count = 0;
        for (const quint64 key : old) {
            if (key)
                insert(key);
        }
    }

    std::vector<quint64> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
};
