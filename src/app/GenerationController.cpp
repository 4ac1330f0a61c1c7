#include "GenerationController.h"

#include "DatabaseSession.h"
#include "FidelityReportView.h"
#include "GenerateDialog.h"
#include "GenerationSettings.h"
#include "GenerationSettingsDialog.h"
#include "StatusTaskIndicator.h"
#include "db/DatabaseConnection.h"
#include "generate/GenerationPipeline.h"
#include "generate/GenerationUndo.h"
#include "generate/RelatedGeneration.h"
#include "llm/LlmClient.h"
#include "util/Background.h"
#include "util/ProgressText.h"
#include "util/RowforgeError.h"

#include "util/TaskPools.h"
#include <QDialog>
#include <QDialogButtonBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <QtConcurrent/QtConcurrentRun>

namespace {
QString rowsText(int rows)
{
    return rows == 1 ? QObject::tr("1 row") : QObject::tr("%1 rows").arg(QLocale().toString(rows));
}
} // namespace

GenerationController::GenerationController(DatabaseSession *session, QStatusBar *statusBar,
                                           QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_session(session), m_dialogParent(dialogParent),
      m_indicator(new StatusTaskIndicator(statusBar, tr("Generating… %p%"),
                                          tr("Stop generating; nothing is written")))
{
    connect(m_indicator, &StatusTaskIndicator::cancelRequested, this,
            &GenerationController::cancel);
    // Large local runs report rows made: the bar the least advanced job, the status line
    // its rows and rate.
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &GenerationController::showRowProgress);
    // Runs whose rows a model writes say how far the answer has come (streamed tokens).
    m_modelProgressTimer = new QTimer(this);
    m_modelProgressTimer->setInterval(250);
    connect(m_modelProgressTimer, &QTimer::timeout, this, &GenerationController::showModelProgress);
    // Undoing a large generation deletes row by row in one transaction: it shows how far it
    // is and can be stopped, which keeps every row.
    m_undoIndicator = new StatusTaskIndicator(statusBar, tr("Undoing… %p%"),
                                              tr("Stop undoing; no row is removed"));
    connect(m_undoIndicator, &StatusTaskIndicator::cancelRequested, this, [this] {
        if (m_undoCancelled)
            m_undoCancelled->store(true);
    });
    m_undoProgressTimer = new QTimer(this);
    m_undoProgressTimer->setInterval(100);
    connect(m_undoProgressTimer, &QTimer::timeout, this, [this] {
        if (!m_undoDone || !m_undoing)
            return;
        m_undoIndicator->setProgress(
            ProgressText::steps(m_undoDone->load(), m_undoTotal, StatusTaskIndicator::Steps));
        Q_EMIT message(tr("Undoing the generation on %1: %2")
                           .arg(m_undoTable, ProgressText::rows(m_undoDone->load(), m_undoTotal,
                                                                m_undoClock.elapsed())));
    });
}

GenerationController::~GenerationController()
{
    // Quitting never commits: every run is told to stop, then waited for.
    cancel();
    for (Job &job : m_jobs)
        job.watcher->waitForFinished();
}

void GenerationController::generate(const QString &table)
{
    if (table.isEmpty() || isGenerating(table))
        return;
    GenerationOptions options;
    try {
        // Auto without a key, or Offline chosen, resolves to the local engine.
        options = GenerationSettings::load().options();
    } catch (const RowforgeError &error) {
        Q_EMIT message(error.message());
        QMessageBox box(QMessageBox::Information, tr("Generate Data"), error.message(),
                        QMessageBox::Cancel, m_dialogParent);
        QPushButton *open = box.addButton(tr("Generation Settings…"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() == open)
            showSettings();
        return;
    }
    generateWith(table, options);
}

bool GenerationController::isGenerating(const QString &table) const
{
    return std::any_of(m_jobs.begin(), m_jobs.end(),
                       [&table](const Job &job) { return job.tables.contains(table); });
}

void GenerationController::generateWithDialog(const QString &table)
{
    if (table.isEmpty() || isGenerating(table))
        return;
    GenerateDialog dialog(m_session->path(), table,
                          RelatedGeneration::descendants(m_session->tables(), table),
                          m_dialogParent);
    GenerationOptions options;
    if (dialog.exec() != QDialog::Accepted || !dialog.options(&options))
        return;
    if (dialog.relatedTables().isEmpty())
        generateWith(table, options);
    else
        generateRelated(table, dialog.relatedTables(), options);
}

void GenerationController::generateWith(const QString &table, const GenerationOptions &given)
{
    start({table}, given,
          [table](QSqlDatabase &db, const GenerationOptions &options, LlmClient &client,
                  Outcome &outcome) {
              outcome.result = GenerationPipeline::run(db, table, options, client);
          });
}

void GenerationController::generateRelated(const QString &table, const QStringList &related,
                                           const GenerationOptions &given)
{
    start(QStringList{table} + related, given,
          [table, related](QSqlDatabase &db, const GenerationOptions &options, LlmClient &client,
                           Outcome &outcome) {
              // The count chosen is the table's; the others get their new parents' children.
              const QList<GenerationResult> results = RelatedGeneration::run(
                  db, QStringList{table} + related, {{table, options.rows}}, options, client);
              for (const GenerationResult &result : results) {
                  if (result.table == table)
                      outcome.result = result;
                  else
                      outcome.grownWith << result;
              }
          });
}

bool GenerationController::start(const QStringList &tables, const GenerationOptions &given,
                                 const Work &work)
{
    const QString table = tables.value(0);
    if (table.isEmpty() || std::any_of(tables.begin(), tables.end(),
                                       [this](const QString &t) { return isGenerating(t); }))
        return false;
    const int maxConcurrent = GenerationSettings::load().maxConcurrent;
    if (m_jobs.size() >= maxConcurrent) {
        Q_EMIT message(
            maxConcurrent == 1
                ? tr("A generation is running; wait for it to finish.")
                : tr("%1 generations are running; wait for one to finish.").arg(maxConcurrent));
        return false;
    }
    GenerationOptions options = given;
    Job job;
    job.tables = tables;
    job.cancelled = std::make_shared<std::atomic<bool>>(false);
    job.done = std::make_shared<std::atomic<qint64>>(0);
    // Raw pointer and callback into shared state that the worker's lambda below keeps alive
    // (it captures both), even if the controller is gone first.
    options.cancelled = job.cancelled.get();
    options.progress = [done = job.done](qint64 rows, qint64) { done->store(rows); };
    job.client = std::make_shared<LlmClient>(options.llm);
    job.outcome = std::make_shared<Outcome>();
    job.outcome->table = table;
    job.outcome->requested = options.rows;
    job.clock.start();
    job.watcher = new QFutureWatcher<void>(this);
    connect(job.watcher, &QFutureWatcher<void>::finished, this,
            [this, table] { onFinished(table); });
    m_jobs.insert(table, job);
    const bool local =
        options.effectiveMode() != GenerationOptions::Mode::Rows || !options.recipe.isEmpty();
    // Tables grown together report each table's rows in turn: no single percentage.
    const bool showProgress = local && options.rows >= 10000 && tables.size() == 1;
    m_indicator->start(/*indeterminate=*/!showProgress);
    if (showProgress)
        m_progressTimer->start();
    for (const QString &grown : tables)
        Q_EMIT generatingChanged(grown, true);
    m_jobs[table].started =
        tr("Generating %1 for %2 with %3")
            .arg(rowsText(options.rows), table,
                 local && options.effectiveMode() != GenerationOptions::Mode::Offline
                     ? options.llm.displayName() + tr(" recipe")
                     : options.llm.displayName());
    if (tables.size() > 1)
        m_jobs[table].started += tr(", and their rows in %1").arg(tables.mid(1).join(tr(", ")));
    m_jobs[table].started += tr("…");
    m_jobs[table].fromModel = !local;
    if (!local)
        m_modelProgressTimer->start();
    Q_EMIT message(m_jobs[table].started);
    const QString database = m_session->path();
    job.watcher->setFuture(
        QtConcurrent::run(TaskPools::longRunning(), [database, table, options, work,
                                                     client = job.client, outcome = job.outcome] {
            try {
                DatabaseConnection connection(database);
                work(connection.database(), options, *client, *outcome);
            } catch (const RowforgeError &error) {
                outcome->error = error.message();
            } catch (const std::exception &error) {
                // Out of memory or a bug: said as such, never "Added 0 rows", never a crash.
                outcome->error = tr("Generation for %1 failed unexpectedly (%2); nothing was "
                                    "written")
                                     .arg(table, QString::fromLocal8Bit(error.what()));
            }
        }));
    return true;
}

void GenerationController::showRowProgress()
{
    int steps = StatusTaskIndicator::Steps;
    QStringList parts;
    for (const Job &job : std::as_const(m_jobs)) {
        if (job.fromModel)
            continue;
        const qint64 done = job.done->load();
        const qint64 total = job.outcome->requested;
        steps = std::min(steps, ProgressText::steps(done, total, StatusTaskIndicator::Steps));
        parts << tr("%1 %2").arg(job.started, ProgressText::rows(done, total, job.clock.elapsed()));
    }
    m_indicator->setProgress(steps);
    const QString text = parts.join(QStringLiteral(" · "));
    if (!text.isEmpty() && text != m_lastProgress) {
        m_lastProgress = text;
        Q_EMIT message(text);
    }
}

void GenerationController::showModelProgress()
{
    QStringList parts;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        const Job &job = it.value();
        if (!job.fromModel)
            continue;
        const qint64 tokens = job.client->receivedTokens();
        if (tokens == 0) {
            parts << job.started;
            continue;
        }
        parts << tr("%1 %2 of %3 rows · about %4 tokens received")
                     .arg(job.started, QLocale().toString(job.done->load()),
                          QLocale().toString(job.outcome->requested), QLocale().toString(tokens));
    }
    const QString text = parts.join(QStringLiteral(" · "));
    if (!text.isEmpty() && text != m_lastProgress) {
        m_lastProgress = text;
        Q_EMIT message(text);
    }
}

void GenerationController::cancel()
{
    for (Job &job : m_jobs) {
        job.outcome->cancelled = true;
        job.cancelled->store(true);
        job.client->cancel();
    }
}

void GenerationController::onFinished(const QString &table)
{
    const Job job = m_jobs.take(table);
    job.watcher->deleteLater();
    if (m_jobs.isEmpty()) {
        m_progressTimer->stop();
        m_modelProgressTimer->stop();
        m_indicator->stop();
    }
    Outcome outcome = *job.outcome;
    if (outcome.cancelled && outcome.result.inserted == 0) {
        outcome.error.clear();
        Q_EMIT message(tr("Generation for %1 cancelled; nothing was written").arg(table));
    } else if (!outcome.error.isEmpty()) {
        Q_EMIT message(outcome.error);
        QMessageBox::warning(m_dialogParent, tr("Generate Data"), outcome.error);
    } else {
        const QList<GenerationResult> results = QList<GenerationResult>{outcome.result}
                                                << outcome.grownWith;
        QStringList summaries;
        for (const GenerationResult &result : results)
            summaries << result.summary();
        QString summary = summaries.join(QStringLiteral("; "));
        // Tables grown together are undone one by one, children first (the stack's top), and
        // only if every one of them can be.
        if (std::all_of(results.begin(), results.end(),
                        [](const GenerationResult &result) { return result.undoable(); })) {
            m_undoable << results;
            // The stack keeps every inserted value: bounded in total, the oldest runs go.
            qint64 kept = 0;
            for (const GenerationResult &run : std::as_const(m_undoable))
                kept += run.inserted;
            int dropped = 0;
            while (m_undoable.size() > 1 && kept > MaxUndoRows) {
                kept -= m_undoable.takeFirst().inserted;
                ++dropped;
            }
            if (dropped > 0)
                summary += tr(" · %1 can no longer be undone (undo keeps %2 rows)")
                               .arg(dropped == 1 ? tr("1 older generation")
                                                 : tr("%1 older generations").arg(dropped),
                                    QLocale().toString(MaxUndoRows));
        } else {
            summary += tr(" · too many rows to undo one by one");
        }
        Q_EMIT message(summary);
        announceUndo();
        m_lastResults.clear();
        for (GenerationResult result : results) {
            if (!result.hasFidelity)
                continue;
            result.insertedValues.clear(); // kept by the undo stack where needed
            m_lastResults << result;
        }
        if (!m_lastResults.isEmpty()) {
            m_lastResult = m_lastResults.first();
            Q_EMIT reportAvailable(true);
        }
        m_session->refresh();
    }
    for (const QString &grown : job.tables)
        Q_EMIT generatingChanged(grown, false);
    Q_EMIT finished(outcome);
}

void GenerationController::showFidelityReport()
{
    if (m_lastResults.isEmpty())
        return;
    QDialog dialog(m_dialogParent);
    QStringList tables;
    for (const GenerationResult &result : std::as_const(m_lastResults))
        tables << result.table;
    dialog.setWindowTitle(tr("Fidelity of the rows added to %1").arg(tables.join(tr(", "))));
    auto *layout = new QVBoxLayout(&dialog);
    // One report per table grown, each on a tab of its own when there are several.
    QTabWidget *tabs = m_lastResults.size() > 1 ? new QTabWidget(&dialog) : nullptr;
    for (const GenerationResult &result : std::as_const(m_lastResults)) {
        auto *view = new FidelityReportView(&dialog);
        view->setReport(result.fidelity);
        if (tabs)
            tabs->addTab(view, result.table);
        else
            layout->addWidget(view);
    }
    if (tabs)
        layout->addWidget(tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(760, 420);
    dialog.exec();
}

void GenerationController::showSettings()
{
    GenerationSettingsDialog dialog(m_dialogParent);
    dialog.exec();
}

void GenerationController::announceUndo()
{
    if (!canUndo()) {
        Q_EMIT undoAvailable(false, QString());
        return;
    }
    const GenerationResult &last = m_undoable.last();
    Q_EMIT undoAvailable(true, tr("%1 in %2").arg(rowsText(last.inserted), last.table));
}

void GenerationController::forgetUndo()
{
    m_undoable.clear();
    announceUndo();
}

void GenerationController::undoLast()
{
    if (!canUndo())
        return;
    const GenerationResult last = m_undoable.takeLast();
    m_undoing = true;
    announceUndo();
    const QString database = m_session->path();
    m_undoCancelled = std::make_shared<std::atomic<bool>>(false);
    m_undoDone = std::make_shared<std::atomic<qint64>>(0);
    m_undoTable = last.table;
    m_undoTotal = last.inserted;
    m_undoClock.start();
    // Small undos are over before a bar could be read.
    if (last.inserted >= 10000) {
        m_undoIndicator->start();
        m_undoProgressTimer->start();
    }
    Background::run(
        this,
        [database, last, cancelled = m_undoCancelled,
         done = m_undoDone]() -> std::pair<int, QString> {
            try {
                DatabaseConnection connection(database);
                return {GenerationUndo::undo(
                            connection.database(), last,
                            [done](qint64 rows, qint64) { done->store(rows); }, cancelled.get()),
                        QString()};
            } catch (const RowforgeError &error) {
                return {-1, error.message()};
            }
        },
        [this, last](const std::pair<int, QString> &outcome) {
            m_undoing = false;
            m_undoProgressTimer->stop();
            m_undoIndicator->stop();
            if (outcome.first < 0 && m_undoCancelled->load()) {
                // Stopped by the user: every row is still there, and can be undone later.
                m_undoable << last;
                announceUndo();
                Q_EMIT message(tr("Undo stopped; no row was removed from %1").arg(last.table));
                return;
            }
            announceUndo();
            if (!outcome.second.isEmpty()) {
                Q_EMIT message(tr("Could not undo the generation: %1").arg(outcome.second));
                return;
            }
            const int kept = last.inserted - outcome.first;
            Q_EMIT message(
                kept == 0
                    ? tr("Removed the %1 generated %2 from %3")
                          .arg(QLocale().toString(outcome.first),
                               outcome.first == 1 ? tr("row") : tr("rows"), last.table)
                    : tr("Removed %1 of %2 generated rows from %3; %4 changed since and were kept")
                          .arg(QLocale().toString(outcome.first), QLocale().toString(last.inserted),
                               last.table, QLocale().toString(kept)));
            Q_EMIT undone(last.table, outcome.first);
            m_session->refresh();
        });
}
