#pragma once

#include "generate/GenerationOptions.h"
#include "generate/GenerationResult.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <functional>
#include <memory>

class DatabaseSession;
class LlmClient;
class QStatusBar;
class QTimer;
class QWidget;
class StatusTaskIndicator;

// Generate Data: runs the generation pipeline for a table in a worker with its own
// connection, one generation per table and at most two at once; the window stays usable and
// a Cancel in the status bar stops everything with nothing written.
class GenerationController : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        QString table;
        GenerationResult result;
        QString error;
        bool cancelled = false;
        int requested = 0;
        // The tables grown with `table` (their children), parents first.
        QList<GenerationResult> grownWith;
    };

    GenerationController(DatabaseSession *session, QStatusBar *statusBar, QWidget *dialogParent,
                         QObject *parent);
    ~GenerationController() override;

    bool isGenerating(const QString &table) const;
    bool isBusy() const { return !m_jobs.isEmpty(); }
    bool canUndo() const { return !m_undoable.isEmpty() && !m_undoing; }

    const GenerationResult &lastResult() const { return m_lastResult; }
    // Every table's result of the last run that has a report (several when grown together).
    const QList<GenerationResult> &lastResults() const { return m_lastResults; }

public Q_SLOTS:
    // Generate Data: the settings' options (10 rows by default).
    void generate(const QString &table);
    // Generate Data…: the dialog first, then its options.
    void generateWithDialog(const QString &table);
    void generateWith(const QString &table, const GenerationOptions &options);
    // `table` with the tables that point at it (RelatedGeneration), all in one transaction.
    void generateRelated(const QString &table, const QStringList &related,
                         const GenerationOptions &options);
    void showFidelityReport();
    void showSettings();
    void cancel();
    // Removes the rows of the most recent generation that are still unchanged.
    void undoLast();
    // Generations of another database cannot be undone here.
    void forgetUndo();

Q_SIGNALS:
    void undoAvailable(bool available, const QString &description);
    void undone(const QString &table, int removed);
    void message(const QString &text);
    void generatingChanged(const QString &table, bool generating);
    void finished(const GenerationController::Outcome &outcome);
    void reportAvailable(bool available);

private:
    struct Job
    {
        QFutureWatcher<void> *watcher;
        std::shared_ptr<LlmClient> client;
        std::shared_ptr<Outcome> outcome;
        std::shared_ptr<std::atomic<bool>> cancelled; // stops the local engine
        std::shared_ptr<std::atomic<qint64>> done;    // rows made so far, for the progress bar
        QStringList tables;                           // the first one's name is the key in m_jobs
        QString started;        // "Generating 50 rows for people with OpenAI…"
        QElapsedTimer clock;    // since the start, for rows per second
        bool fromModel = false; // the model writes the rows: progress is tokens arriving
    };
    // The bar and status line of large local runs: rows made, share and rate.
    void showRowProgress();
    // The status line of a run whose rows a model writes: rows accepted and tokens received.
    void showModelProgress();
    // Starts `work` on a worker for `tables` (the first names the job); false if it cannot.
    using Work =
        std::function<void(QSqlDatabase &, const GenerationOptions &, LlmClient &, Outcome &)>;
    bool start(const QStringList &tables, const GenerationOptions &given, const Work &work);
    void onFinished(const QString &table);
    void announceUndo();

    DatabaseSession *m_session;
    QWidget *m_dialogParent;
    StatusTaskIndicator *m_indicator;
    QHash<QString, Job> m_jobs;
    QString m_lastProgress;
    QTimer *m_modelProgressTimer;
    QList<GenerationResult> m_undoable; // most recent last
    // Rows kept for undo over all runs (their values are held in memory).
    static constexpr qint64 MaxUndoRows = 200000;
    bool m_undoing = false;
    StatusTaskIndicator *m_undoIndicator;
    std::shared_ptr<std::atomic<bool>> m_undoCancelled;
    std::shared_ptr<std::atomic<qint64>> m_undoDone;
    QTimer *m_undoProgressTimer;
    QString m_undoTable;
    qint64 m_undoTotal = 0;
    QElapsedTimer m_undoClock;
    GenerationResult m_lastResult;
    QList<GenerationResult> m_lastResults;
    QTimer *m_progressTimer;
};

Q_DECLARE_METATYPE(GenerationController::Outcome)
