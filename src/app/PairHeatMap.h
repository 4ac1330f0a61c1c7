#pragma once

#include "fidelity/FidelityReport.h"

#include <QWidget>

// Column Pair Trends at a glance: the strength of each pair's relationship (|Pearson's r| or
// Cramér's V) in the existing rows and in the generated rows, as two heat maps side by side.
// A pair that differs shows as two cells of different shades.
class PairHeatMap : public QWidget
{
    Q_OBJECT
public:
    explicit PairHeatMap(QWidget *parent = nullptr);
    void setPairs(const QList<FidelityReport::Pair> &pairs);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_columns;
    QHash<QPair<int, int>, FidelityReport::Pair> m_pairs;
};
