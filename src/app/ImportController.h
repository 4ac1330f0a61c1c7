#pragma once

#include "import/ImportOptions.h"
#include "import/ImportResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

class DatabaseSession;
class QAction;
class QStatusBar;
class StatusTaskIndicator;
class QWidget;

// File > Import…, dropped files and files from the command line: asks how to import them
// (ImportDialog), then imports them one after another in a worker with its own connection,
// with a progress bar and a Cancel button in the status bar. The window stays usable.
class ImportController : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        QString path;
        ImportOptions options;
    };
    struct Outcome
    {
        QList<ImportResult> results;
        QStringList errors;
        bool cancelled = false;
    };

    ImportController(DatabaseSession *session, QAction *importAction, QStatusBar *statusBar,
                     QWidget *dialogParent, QObject *parent);
    ~ImportController() override;

    bool isRunning() const { return m_watcher != nullptr; }
    // Runs jobs without asking (the dialog's result, or tests).
    void run(const QList<Job> &jobs);

public Q_SLOTS:
    // Asks for files when none are given; waits for the database when it is still opening.
    void importFiles(const QStringList &paths = {});
    void cancel();

Q_SIGNALS:
    void message(const QString &text);
    void finished(const ImportController::Outcome &outcome);
    void tableImported(const QString &table);

private:
    // `restore`: the choices of an import that failed, shown again with why.
    void ask(const QStringList &paths, const ImportOptions *restore = nullptr,
             const QString &failure = {});
    void onFinished();
    static QString summary(const Outcome &outcome, double seconds);

    DatabaseSession *m_session;
    QAction *m_importAction;
    QWidget *m_dialogParent;
    StatusTaskIndicator *m_indicator;
    QFutureWatcher<void> *m_watcher = nullptr;
    // Filled by the worker, read when it has finished: a cancelled future drops its results.
    std::shared_ptr<Outcome> m_outcome;
    QStringList m_waitingForDatabase;
    // The one file the dialog last sent, and how: if it fails, the dialog comes back as it was.
    std::optional<Job> m_asked;
};

Q_DECLARE_METATYPE(ImportController::Outcome)
