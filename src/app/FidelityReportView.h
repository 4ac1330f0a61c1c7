#pragma once

#include "fidelity/FidelityReport.h"

#include <QWidget>

class QLabel;
class QTableWidget;

// The fidelity report as a small table: one line per column with its scores and a histogram
// of existing vs generated values, and the table-wide figures above it.
class FidelityReportView : public QWidget
{
    Q_OBJECT
public:
    explicit FidelityReportView(QWidget *parent = nullptr);
    void setReport(const FidelityReport &report);
    void clear();
    QTableWidget *table() const { return m_table; }
    QString headline() const;

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};
