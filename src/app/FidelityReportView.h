#pragma once

#include "fidelity/FidelityReport.h"

#include <QWidget>

class PairHeatMap;
class QLabel;
class QTabWidget;
class QTableWidget;

// The fidelity report: the table-wide figures, then three tabs: one line per column with its
// scores and a histogram of existing vs generated values; the pairs of columns as heat maps
// of their relationships with the weakest pairs listed; every rule of the existing rows with
// the share of generated rows that keep it; for parents grown with their children, how many
// children the new parents got against the existing ones.
class FidelityReportView : public QWidget
{
    Q_OBJECT
public:
    explicit FidelityReportView(QWidget *parent = nullptr);
    void setReport(const FidelityReport &report);
    void clear();
    QTableWidget *table() const { return m_table; }
    QTableWidget *rulesTable() const { return m_rules; }
    QTableWidget *pairsTable() const { return m_pairList; }
    QTableWidget *childrenTable() const { return m_children; }
    QString headline() const;

private:
    void setChildren(const QList<FidelityReport::Children> &children);

    QLabel *m_summary;
    QTableWidget *m_table;
    PairHeatMap *m_heatMap;
    QTableWidget *m_pairList;
    QTableWidget *m_rules;
    QTabWidget *m_tabs;
    QTableWidget *m_children; // a tab of its own, shown for parents grown with their children
};
