#pragma once

#include "GeneratedValue.h"
#include "WeightedPicker.h"
#include "util/DateTimeFormats.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <vector>

// Existing keys of a foreign key's parent table (a uniform sample when there are many), the
// parent columns that cross-table rules compare with, and which key the current row drew, so
// that every column of a composite key takes the same.
//
// A new child picks its parent as an existing child would: weighted by the children each
// parent has (hubs stay hubs, parents without children stay without). Slots, when set, fix
// the parent of each new row instead (parents grown in the same run, each with its number of
// children drawn from the learned distribution).
struct ParentKeys
{
    QString table;
    std::vector<std::vector<GeneratedValue>> keys;
    QStringList attributeNames;
    std::vector<std::vector<GeneratedValue>> attributes; // per key, in attributeNames order
    size_t current = 0;

    // Children per key (same order as keys); all zero or empty: every parent alike.
    void setWeights(const std::vector<double> &children)
    {
        double total = 0;
        QList<QPair<size_t, double>> items;
        for (size_t i = 0; i < children.size(); ++i) {
            total += children[i];
            if (children[i] > 0)
                items << qMakePair(i, children[i]);
        }
        m_weighted = total > 0;
        if (m_weighted)
            m_picker = WeightedPicker<size_t>(items);
    }
    // The key index each new row takes, by the row's number; `row` is read when drawing.
    void setSlots(std::vector<size_t> keyOfRow, const qint64 *row)
    {
        m_slots = std::move(keyOfRow);
        m_row = row;
    }
    bool hasSlots() const { return !m_slots.empty(); }

    void pick(QRandomGenerator &random)
    {
        const size_t row = m_row ? size_t(std::max<qint64>(0, *m_row)) : 0;
        // The same row drawn again (its first draw was refused: a copy, a taken key): it
        // trades parents with a later row, so every parent keeps its number of children. A row
        // that trades in vain (the last, or the last few all with one pair of parents taken)
        // picks as rows past the slots do.
        m_tries = row == m_lastRow ? m_tries + 1 : 0;
        const bool again = m_tries > 0;
        if (!m_slots.empty() && m_row && row < m_slots.size() &&
            !(again && (row + 1 == m_slots.size() || m_tries > MaxTrades))) {
            if (again)
                std::swap(
                    m_slots[row],
                    m_slots[row + 1 + size_t(random.bounded(quint64(m_slots.size() - row - 1)))]);
            m_lastRow = row;
            current = m_slots[row];
        } else if (m_weighted)
            current = m_picker.pick(random);
        else
            current = size_t(random.bounded(quint64(keys.size())));
    }

    // Makes attribute() find one-column keys; call once keys and attributes are filled.
    void indexKeys()
    {
        m_index.clear();
        for (size_t i = 0; i < keys.size(); ++i) {
            if (keys[i].size() == 1)
                m_index.insert(keys[i][0].key(), i);
        }
    }
    // Sets the number (GeneratedValue::order) of attribute `which` in every parent: dates in
    // `format` as seconds; without a format, text that is a number.
    void attributeOrders(int which, const QString &format)
    {
        if (which < 0 || m_ordered.contains(which))
            return;
        m_ordered.insert(which);
        for (std::vector<GeneratedValue> &values : attributes) {
            GeneratedValue &value = values[size_t(which)];
            if (value.type != GeneratedValue::Text)
                continue;
            const QString text = QString::fromUtf8(value.bytes);
            bool ok = false;
            value.order = format.isEmpty() ? text.toDouble(&ok) : 0;
            if (!format.isEmpty())
                ok = DateTimeFormats::parse(text, format, &value.order);
            if (!ok)
                value.setNull();
        }
    }
    // The parent's value of attribute `which` for a one-column key, or nullptr if unknown.
    const GeneratedValue *attribute(const GeneratedValue &key, int which) const
    {
        // Most often the key the row just drew: no lookup needed.
        if (current < keys.size() && current < attributes.size() && keys[current].size() == 1 &&
            sameKey(keys[current][0], key))
            return &attributes[current][size_t(which)];
        const auto it = m_index.constFind(key.key());
        if (it == m_index.constEnd() || size_t(*it) >= attributes.size())
            return nullptr;
        return &attributes[*it][size_t(which)];
    }

private:
    static bool sameKey(const GeneratedValue &a, const GeneratedValue &b)
    {
        if (a.type != b.type)
            return false;
        switch (a.type) {
        case GeneratedValue::Integer:
            return a.integer == b.integer;
        case GeneratedValue::Real:
            return a.real == b.real;
        case GeneratedValue::Text:
        case GeneratedValue::Blob:
            return a.bytes == b.bytes;
        case GeneratedValue::Null:
            break;
        }
        return false;
    }

    static constexpr int MaxTrades = 8;
    int m_tries = 0;     // draws of the same row in a row
    QSet<int> m_ordered; // attributes whose text values carry their number
    bool m_weighted = false;
    WeightedPicker<size_t> m_picker;
    std::vector<size_t> m_slots;
    const qint64 *m_row = nullptr;
    size_t m_lastRow = SIZE_MAX;
    QHash<QByteArray, size_t> m_index;
};
