#include "CopyRedraw.h"

#include "RowHashSet.h"

#include <cmath>

void CopyRedraw::observe(const std::vector<GeneratedValue> &row)
{
    if (m_observed >= ObservedRows)
        return;
    ++m_observed;
    for (size_t c = 0; c < m_distinct.size(); ++c)
        m_distinct[c].insert(RowHashSet::hashValue(row[c]));
    m_stale = true;
}

int CopyRedraw::pick(QRandomGenerator &random)
{
    if (m_stale) {
        QList<QPair<int, double>> weights;
        for (size_t c = 0; c < m_distinct.size(); ++c) {
            if (m_distinct[c].size() > 1)
                weights << qMakePair(int(c), std::log(double(m_distinct[c].size())));
        }
        m_possible = !weights.isEmpty();
        if (m_possible)
            m_picker = WeightedPicker<int>(weights);
        m_stale = false;
    }
    return m_possible ? m_picker.pick(random) : -1;
}
