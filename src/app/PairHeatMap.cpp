#include "PairHeatMap.h"

#include <QPainter>
#include <cmath>

namespace {
constexpr int Cell = 18;
constexpr int Gap = 24;
} // namespace

PairHeatMap::PairHeatMap(QWidget *parent) : QWidget(parent)
{
    setToolTip(tr("Strength of each pair's relationship: existing rows on the left, generated "
                  "rows on the right (darker is stronger)."));
}

void PairHeatMap::setPairs(const QList<FidelityReport::Pair> &pairs)
{
    m_columns.clear();
    m_pairs.clear();
    for (const FidelityReport::Pair &pair : pairs) {
        for (const QString &name : {pair.a, pair.b}) {
            if (!m_columns.contains(name))
                m_columns << name;
        }
        m_pairs.insert(qMakePair(int(m_columns.indexOf(pair.a)), int(m_columns.indexOf(pair.b))),
                       pair);
    }
    updateGeometry();
    update();
}

QSize PairHeatMap::sizeHint() const
{
    const int labels = fontMetrics().horizontalAdvance(QStringLiteral("M")) * 14;
    const int side = int(m_columns.size()) * Cell;
    return {labels + 2 * side + Gap + 8, fontMetrics().height() + side + 8};
}

void PairHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int labels = fontMetrics().horizontalAdvance(QStringLiteral("M")) * 14;
    const int top = fontMetrics().height() + 4;
    const int side = int(m_columns.size()) * Cell;
    painter.drawText(QRect(labels, 0, side, top), Qt::AlignCenter, tr("existing"));
    painter.drawText(QRect(labels + side + Gap, 0, side, top), Qt::AlignCenter, tr("generated"));
    for (int row = 0; row < m_columns.size(); ++row) {
        painter.drawText(QRect(0, top + row * Cell, labels - 4, Cell),
                         Qt::AlignRight | Qt::AlignVCenter,
                         fontMetrics().elidedText(m_columns[row], Qt::ElideMiddle, labels - 4));
        for (int column = 0; column < m_columns.size(); ++column) {
            const auto it =
                m_pairs.constFind(qMakePair(std::min(row, column), std::max(row, column)));
            for (int side = 0; side < 2; ++side) {
                const QRect cell(labels + side * (int(m_columns.size()) * Cell + Gap) +
                                     column * Cell,
                                 top + row * Cell, Cell - 1, Cell - 1);
                if (row == column) {
                    painter.fillRect(cell, palette().mid());
                    continue;
                }
                if (it == m_pairs.constEnd())
                    continue;
                const double strength =
                    std::min(1.0, std::fabs(side == 0 ? it->real : it->synthetic));
                painter.fillRect(
                    cell, QColor::fromHsvF(0.6, 0.15 + 0.75 * strength, 1.0 - 0.55 * strength));
            }
        }
    }
}
