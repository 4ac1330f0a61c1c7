#pragma once

#include "export/ExportOptions.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

class DatabaseSession;
class QStatusBar;
class QWidget;
class StatusTaskIndicator;

// Export CSV: asks where and how (ExportDialog), then writes the table in a worker with its
// own connection, with progress and Cancel in the status bar.
class ExportController : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        QString table;
        QString path;
        qint64 rows = 0;
        double seconds = 0;
        QString error;
        bool cancelled = false;
    };

    ExportController(DatabaseSession *session, QStatusBar *statusBar, QWidget *dialogParent,
                     QObject *parent);
    ~ExportController() override;

    bool isRunning() const { return m_watcher != nullptr; }
    void run(const QString &table, const QString &path, const ExportOptions &options);

public Q_SLOTS:
    void exportTable(const QString &table);
    void cancel();

Q_SIGNALS:
    void message(const QString &text);
    void finished(const ExportController::Outcome &outcome);

private:
    void onFinished();

    DatabaseSession *m_session;
    QWidget *m_dialogParent;
    StatusTaskIndicator *m_indicator;
    QFutureWatcher<void> *m_watcher = nullptr;
    std::shared_ptr<Outcome> m_outcome;
};

Q_DECLARE_METATYPE(ExportController::Outcome)
