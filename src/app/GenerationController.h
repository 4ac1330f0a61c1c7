#pragma once

#include "generate/GenerationResult.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <memory>

class DatabaseSession;
class LlmClient;
class QStatusBar;
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
    };

    GenerationController(DatabaseSession *session, QStatusBar *statusBar, QWidget *dialogParent,
                         QObject *parent);
    ~GenerationController() override;

    bool isGenerating(const QString &table) const { return m_jobs.contains(table); }
    bool isBusy() const { return !m_jobs.isEmpty(); }
    bool canUndo() const { return !m_undoable.isEmpty() && !m_undoing; }

public Q_SLOTS:
    void generate(const QString &table);
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

private:
    struct Job
    {
        QFutureWatcher<void> *watcher;
        std::shared_ptr<LlmClient> client;
        std::shared_ptr<Outcome> outcome;
    };
    void onFinished(const QString &table);
    void announceUndo();

    DatabaseSession *m_session;
    QWidget *m_dialogParent;
    StatusTaskIndicator *m_indicator;
    QHash<QString, Job> m_jobs;
    QList<GenerationResult> m_undoable; // most recent last
    bool m_undoing = false;
};

Q_DECLARE_METATYPE(GenerationController::Outcome)
