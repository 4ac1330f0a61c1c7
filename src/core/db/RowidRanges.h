#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <algorithm>
#include <utility>
#include <vector>

// A set of rowids kept as sorted, disjoint, inclusive ranges [first, last]: the rows a
// generation added are one range, however many they are.
class RowidRanges
{
public:
    using Range = std::pair<qint64, qint64>;

    void add(qint64 first, qint64 last)
    {
        if (last < first)
            return;
        std::vector<Range> merged;
        for (const Range &range : m_ranges) {
            if (range.second + 1 < first || last + 1 < range.first) {
                merged.push_back(range);
            } else {
                first = std::min(first, range.first);
                last = std::max(last, range.second);
            }
        }
        merged.emplace_back(first, last);
        std::sort(merged.begin(), merged.end());
        m_ranges = std::move(merged);
    }
    void remove(qint64 first, qint64 last)
    {
        std::vector<Range> kept;
        for (const Range &range : m_ranges) {
            if (range.second < first || last < range.first) {
                kept.push_back(range);
                continue;
            }
            if (range.first < first)
                kept.emplace_back(range.first, first - 1);
            if (last < range.second)
                kept.emplace_back(last + 1, range.second);
        }
        m_ranges = std::move(kept);
    }
    bool contains(qint64 rowid) const
    {
        const auto it =
            std::upper_bound(m_ranges.begin(), m_ranges.end(), rowid,
                             [](qint64 value, const Range &r) { return value < r.first; });
        return it != m_ranges.begin() && rowid <= std::prev(it)->second;
    }
    bool isEmpty() const { return m_ranges.empty(); }
    qint64 count() const
    {
        qint64 total = 0;
        for (const Range &range : m_ranges)
            total += range.second - range.first + 1;
        return total;
    }
    const std::vector<Range> &ranges() const { return m_ranges; }
    // The rowids of [low, high] that are not in this set.
    RowidRanges complement(qint64 low, qint64 high) const
    {
        RowidRanges result;
        qint64 next = low;
        for (const Range &range : m_ranges) {
            if (range.second < next)
                continue;
            if (range.first > high)
                break;
            if (range.first > next)
                result.m_ranges.emplace_back(next, range.first - 1);
            next = range.second + 1;
        }
        if (next <= high)
            result.m_ranges.emplace_back(next, high);
        return result;
    }
    // The index-th rowid of the set (0-based, index < count()).
    qint64 at(qint64 index) const
    {
        for (const Range &range : m_ranges) {
            const qint64 size = range.second - range.first + 1;
            if (index < size)
                return range.first + index;
            index -= size;
        }
        return m_ranges.empty() ? 0 : m_ranges.back().second;
    }

    // An SQL condition that holds for rows outside the set, given the rowid column (qualified
    // by its table: json_each has an "id" column of its own); bind toBindValue() to its one
    // parameter.
    static QString outsideCondition(const QString &qualifiedRowid)
    {
        return QStringLiteral("NOT EXISTS (SELECT 1 FROM json_each(?) WHERE %1 BETWEEN "
                              "json_extract(value, '$[0]') AND json_extract(value, '$[1]'))")
            .arg(qualifiedRowid);
    }
    QString toBindValue() const
    {
        return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
    }

    QJsonArray toJson() const
    {
        QJsonArray array;
        for (const Range &range : m_ranges)
            array << QJsonArray{double(range.first), double(range.second)};
        return array;
    }
    static RowidRanges fromJson(const QJsonArray &array)
    {
        RowidRanges ranges;
        for (const QJsonValue &item : array) {
            const QJsonArray pair = item.toArray();
            if (pair.size() == 2 && pair[0].isDouble() && pair[1].isDouble())
                ranges.add(qint64(pair[0].toDouble()), qint64(pair[1].toDouble()));
        }
        return ranges;
    }

private:
    std::vector<Range> m_ranges;
};
