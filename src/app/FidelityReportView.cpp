#include "FidelityReportView.h"

#include "HistogramWidget.h"
#include "PairHeatMap.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTabWidget>
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

static QTableWidget *plainTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

FidelityReportView::FidelityReportView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTableWidget(this)),
      m_heatMap(new PairHeatMap(this)),
      m_pairList(plainTable({tr("Columns"), tr("Measure"), tr("Existing"), tr("Generated"),
                             tr("Score"), tr("Real rows")},
                            this)),
      m_rules(plainTable({tr("Rule (holds in every existing row)"), tr("Kept"), tr("Broken rows")},
                         this)),
      m_children(plainTable({tr("Children"), tr("Shape"), tr("Without children (existing / new)"),
                             tr("Mean (existing / new)"), tr("Parents (existing / new)")},
                            this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto *tabs = m_tabs = new QTabWidget(this);
    tabs->addTab(m_table, tr("Columns"));
    auto *pairs = new QWidget(tabs);
    auto *pairsLayout = new QVBoxLayout(pairs);
    auto *scroll = new QScrollArea(pairs);
    scroll->setWidget(m_heatMap);
    scroll->setWidgetResizable(false);
    pairsLayout->addWidget(scroll, 3);
    m_pairList->horizontalHeaderItem(5)->setToolTip(
        tr("What as many existing rows, drawn again at random, score: the mark the score is "
           "read against"));
    pairsLayout->addWidget(m_pairList, 2);
    tabs->addTab(pairs, tr("Pairs"));
    tabs->addTab(m_rules, tr("Rules"));
    m_children->hide(); // until a report has children (setChildren)
    layout->addWidget(tabs);
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
    m_pairList->setRowCount(0);
    m_rules->setRowCount(0);
    setChildren({});
    m_heatMap->setPairs({});
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
           "Kolmogorov–Smirnov or total-variation complement (1 = same distribution); pairs "
           "compare each pair's correlation or contingency table; rules are what holds in "
           "every existing row.")
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

    // The pairs that fell furthest below what as many real rows score first: two columns of
    // many values score low on a thousand rows however faithful the rows are.
    QList<FidelityReport::Pair> pairs = report.pairs;
    auto shortfall = [](const FidelityReport::Pair &pair) {
        return (pair.resampled >= 0 ? pair.resampled : 1.0) - pair.score;
    };
    std::stable_sort(pairs.begin(), pairs.end(), [&shortfall](const auto &a, const auto &b) {
        return shortfall(a) > shortfall(b);
    });
    m_heatMap->setPairs(report.pairs);
    m_heatMap->resize(m_heatMap->sizeHint());
    m_pairList->setRowCount(int(pairs.size()));
    for (int row = 0; row < pairs.size(); ++row) {
        const FidelityReport::Pair &pair = pairs[row];
        m_pairList->setItem(row, 0, new QTableWidgetItem(pair.a + QStringLiteral(" · ") + pair.b));
        m_pairList->setItem(row, 1,
                            new QTableWidgetItem(pair.metric == QLatin1String("correlation")
                                                     ? tr("correlation (r)")
                                                     : tr("association (V)")));
        m_pairList->setItem(row, 2, new QTableWidgetItem(locale.toString(pair.real, 'f', 2)));
        m_pairList->setItem(row, 3, new QTableWidgetItem(locale.toString(pair.synthetic, 'f', 2)));
        m_pairList->setItem(row, 4, scoreItem(pair.score));
        auto *chance = new QTableWidgetItem(
            pair.resampled < 0 ? QStringLiteral("–") : locale.toString(pair.resampled, 'f', 2));
        chance->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_pairList->setItem(row, 5, chance);
    }
    m_pairList->resizeColumnsToContents();
    // Broken rules first.
    QList<FidelityReport::Rule> rules = report.rules;
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto &a, const auto &b) { return a.kept < b.kept; });
    m_rules->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        m_rules->setItem(row, 0, new QTableWidgetItem(rules[row].text));
        QTableWidgetItem *kept = scoreItem(rules[row].kept);
        if (rules[row].kept < 0.99)
            kept->setForeground(QColor(0xb0, 0x30, 0x20));
        m_rules->setItem(row, 1, kept);
        m_rules->setItem(row, 2, new QTableWidgetItem(locale.toString(rules[row].broken)));
    }
    m_rules->resizeColumnsToContents();
    setChildren(report.children);
}

void FidelityReportView::setChildren(const QList<FidelityReport::Children> &children)
{
    const QLocale locale;
    m_children->setRowCount(int(children.size()));
    for (int row = 0; row < children.size(); ++row) {
        const FidelityReport::Children &child = children[row];
        auto pair = [&locale](double a, double b, int decimals) {
            return new QTableWidgetItem(QStringLiteral("%1 / %2").arg(
                locale.toString(a, 'f', decimals), locale.toString(b, 'f', decimals)));
        };
        m_children->setItem(row, 0,
                            new QTableWidgetItem(tr("%1 (by %2)").arg(child.table, child.key)));
        m_children->setItem(row, 1, scoreItem(child.shape));
        m_children->setItem(row, 2,
                            new QTableWidgetItem(
                                QStringLiteral("%1 % / %2 %")
                                    .arg(locale.toString(child.realZeroShare * 100, 'f', 0),
                                         locale.toString(child.syntheticZeroShare * 100, 'f', 0))));
        m_children->setItem(row, 3, pair(child.realMean, child.syntheticMean, 2));
        m_children->setItem(row, 4,
                            pair(double(child.realParents), double(child.syntheticParents), 0));
    }
    m_children->resizeColumnsToContents();
    const int tab = m_tabs->indexOf(m_children);
    if (children.isEmpty() && tab >= 0)
        m_tabs->removeTab(tab);
    else if (!children.isEmpty() && tab < 0)
        m_tabs->addTab(m_children, tr("Children per parent"));
}
