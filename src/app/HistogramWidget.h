#pragma once

#include <QStringList>
#include <QWidget>

// A small paired bar chart: per bin, the existing rows' share (grey) beside the generated
// rows' share (accent colour). Bin labels show as tooltips.
class HistogramWidget : public QWidget
{
    Q_OBJECT
public:
    HistogramWidget(const QStringList &bins, const QList<double> &real,
                    const QList<double> &synthetic, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {180, 36}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_bins;
    QList<double> m_real, m_synthetic;
};
