#include "FidelityReportView.h"

#include "HistogramWidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidgetItem *scoreItem(double score)
{
    auto *item =
        new QTableWidgetItem(score < 0 ? QStringLiteral("–") : QLocale().toString(score, 'f', 2));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (score >= 0 && score < 0.85)
        item->setForeground(QColor(0xb0, 0x30, 0x20)); // worth a look
    return item;
}
} // namespace

FidelityReportView::FidelityReportView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Kind"), tr("Shape"), tr("Bounds"),
                                        tr("Categories"), tr("Nulls"), tr("Existing / generated")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    clear();
}

void FidelityReportView::clear()
{
    m_table->setRowCount(0);
    m_summary->setText(tr("No report yet."));
}

QString FidelityReportView::headline() const
{
    return m_summary->text();
}

void FidelityReportView::setReport(const FidelityReport &report)
{
    const QLocale locale;
    m_summary->setText(
        tr("%1 generated rows compared with %2 existing rows: %3. Shapes are the "
           "Kolmogorov–Smirnov or total-variation complement (1 = same distribution).")
            .arg(locale.toString(report.syntheticRows), locale.toString(report.realRows),
                 report.summary()));
    m_table->setRowCount(int(report.columns.size()));
    for (int row = 0; row < report.columns.size(); ++row) {
        const FidelityReport::Column &column = report.columns[row];
        m_table->setItem(row, 0, new QTableWidgetItem(column.name));
        m_table->setItem(row, 1, new QTableWidgetItem(column.kind));
        m_table->setItem(row, 2, scoreItem(column.shape));
        m_table->setItem(row, 3, scoreItem(column.boundary));
        m_table->setItem(row, 4, scoreItem(column.category));
        m_table->setItem(row, 5, scoreItem(column.missing));
        if (!column.bins.isEmpty())
            m_table->setCellWidget(row, 6,
                                   new HistogramWidget(column.bins, column.realShares,
                                                       column.syntheticShares, m_table));
        else
            m_table->setItem(row, 6,
                             new QTableWidgetItem(tr("(identifiers and free text: nulls "
                                                     "only)")));
        m_table->setRowHeight(row, 34);
    }
    m_table->resizeColumnsToContents();
}
