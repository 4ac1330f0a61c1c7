#pragma once

#include "export/ExportOptions.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QTableView;
class QueryInterrupter;
class QueryResultModel;
class SqlEditor;

// The Query tab: SQL typed (or asked for in plain words) and run on a worker's own connection,
// read-only unless "Allow changes" is ticked; the last result in a grid, the row count and
// time, errors where SQLite points. Cancel interrupts a long statement.
class QueryPanel : public QWidget
{
    Q_OBJECT
public:
    // Rows read with the run, and then per page as the grid scrolls.
    static constexpr int PageRows = 10000;

    explicit QueryPanel(QWidget *parent = nullptr);
    ~QueryPanel() override;

    void setDatabase(const QString &path);
    // Table and column names for completion.
    void setNames(const QStringList &names);
    SqlEditor *editor() const { return m_editor; }
    void setSql(const QString &sql);
    QString sql() const;
    bool isRunning() const { return m_running; }
    QString statusText() const;
    QueryResultModel *resultModel() const { return m_model; }

    // The statement at the cursor, or the selection when there is one (Ctrl+Return).
    void runCurrent();
    // Everything in the editor (F5).
    void runAll();
    void cancel();
    // Sends the question to the configured model; its SQL lands in the editor, not run.
    void ask();
    // Asks where (Export CSV's dialog and options), then writes the last query's whole result.
    void exportResult();
    // Runs the last query again, read-only, into `path` (every row, not only those shown).
    void exportTo(const QString &path, const ExportOptions &options);

Q_SIGNALS:
    // A run with changes allowed committed: the schema and the data view may be stale.
    void databaseChanged();

private:
    // A statement and where it starts in the editor, to mark an error's place there.
    struct Statement
    {
        QString sql;
        int start = 0;
    };
    void run(const Statement &statement);
    void showHistory();
    // Reads the page of the last result the grid asks for, on a worker.
    void fetchRows(qint64 offset);
    // Underlines in the editor the place an error message names.
    void markError(const Statement &statement, const QString &error);
    void setBusy(bool busy, const QString &status);
    void showStatus(const QString &text, bool error);
    // The statement around the cursor: from the `;` before it to the `;` after it.
    Statement statementAtCursor() const;

    QString m_path;
    QString m_lastSql;              // of the last run that returned rows, for Export
    QString m_pagingSql;            // its last statement, run again for more rows
    quint64 m_resultGeneration = 0; // pages of an earlier result are dropped
    bool m_running = false;
    std::shared_ptr<QueryInterrupter> m_interrupter;
    QLineEdit *m_question;
    QPushButton *m_askButton;
    SqlEditor *m_editor;
    QToolButton *m_historyButton;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QPushButton *m_exportButton;
    QCheckBox *m_allowChanges;
    QLabel *m_status;
    QTableView *m_results;
    QueryResultModel *m_model;
};
