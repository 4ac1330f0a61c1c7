#include "HistogramWidget.h"

#include <QPainter>

HistogramWidget::HistogramWidget(const QStringList &bins, const QList<double> &real,
                                 const QList<double> &synthetic, QWidget *parent)
    : QWidget(parent), m_bins(bins), m_real(real), m_synthetic(synthetic)
{
    QStringList lines{tr("bin: existing / generated")};
    for (qsizetype i = 0; i < m_bins.size(); ++i)
        lines << QStringLiteral("%1: %2% / %3%")
                     .arg(m_bins[i])
                     .arg(m_real.value(i) * 100, 0, 'f', 1)
                     .arg(m_synthetic.value(i) * 100, 0, 'f', 1);
    setToolTip(lines.join(u'\n'));
    setMinimumSize(120, 28);
}

void HistogramWidget::paintEvent(QPaintEvent *)
{
    if (m_bins.isEmpty())
        return;
    QPainter painter(this);
    const QRectF area = QRectF(rect()).adjusted(2, 3, -2, -3);
    double highest = 0;
    for (qsizetype i = 0; i < m_bins.size(); ++i)
        highest = std::max({highest, m_real.value(i), m_synthetic.value(i)});
    if (highest <= 0)
        return;
    const double slot = area.width() / double(m_bins.size());
    const double bar = std::max(1.0, slot / 2 - 1);
    const QColor realColour = palette().color(QPalette::Mid);
    const QColor syntheticColour = palette().color(QPalette::Highlight);
    for (qsizetype i = 0; i < m_bins.size(); ++i) {
        const double x = area.left() + slot * double(i);
        const double realHeight = area.height() * m_real.value(i) / highest;
        const double syntheticHeight = area.height() * m_synthetic.value(i) / highest;
        painter.fillRect(QRectF(x, area.bottom() - realHeight, bar, realHeight), realColour);
        painter.fillRect(QRectF(x + bar, area.bottom() - syntheticHeight, bar, syntheticHeight),
                         syntheticColour);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
}
