#include "ImportController.h"

#include "DatabaseSession.h"
#include "ImportDialog.h"
#include "StatusTaskIndicator.h"
#include "db/DatabaseConnection.h"
#include "generate/GeneratedRows.h"
#include "import/ImportCancelled.h"
#include "import/TableImporter.h"
#include "util/RowforgeError.h"

#include "util/TaskPools.h"
#include <QAction>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPromise>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <QtConcurrent/QtConcurrentRun>

namespace {
constexpr int ProgressSteps = StatusTaskIndicator::Steps;
const QString dataFilter =
    QStringLiteral("Data files (*.csv *.tsv *.tab *.txt *.json *.jsonl *.ndjson);;All files (*)");
} // namespace

ImportController::ImportController(DatabaseSession *session, QAction *importAction,
                                   QStatusBar *statusBar, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_session(session), m_importAction(importAction),
      m_dialogParent(dialogParent),
      m_indicator(new StatusTaskIndicator(
          statusBar, tr("Importing… %p%"),
          tr("Stop the import; nothing of the file being imported is written")))
{
    connect(m_indicator, &StatusTaskIndicator::cancelRequested, this, &ImportController::cancel);
    connect(m_session, &DatabaseSession::opened, this, [this] {
        if (m_waitingForDatabase.isEmpty())
            return;
        const QStringList paths = m_waitingForDatabase;
        m_waitingForDatabase.clear();
        // After the schema of the new database has reached the window, not inside its signal.
        QTimer::singleShot(0, this, [this, paths] { importFiles(paths); });
    });
}

ImportController::~ImportController()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

void ImportController::importFiles(const QStringList &paths)
{
    if (!m_session->isOpen()) {
        m_waitingForDatabase << paths;
        return;
    }
    if (isRunning()) {
        Q_EMIT message(tr("An import is already running; wait for it or cancel it first."));
        return;
    }
    QStringList files = paths;
    if (files.isEmpty()) {
        QSettings settings;
        files = QFileDialog::getOpenFileNames(
            m_dialogParent, tr("Import Files"),
            settings.value(QStringLiteral("lastImportFolder")).toString(), dataFilter);
        if (files.isEmpty())
            return;
        settings.setValue(QStringLiteral("lastImportFolder"),
                          QFileInfo(files.first()).absolutePath());
    }
    ask(files);
}

void ImportController::ask(const QStringList &paths, const ImportOptions *restore,
                           const QString &failure)
{
    QStringList tables;
    for (const TableInfo &table : m_session->tables()) {
        if (table.kind == TableInfo::Table)
            tables << table.name;
    }
    ImportDialog dialog(paths, tables, m_dialogParent);
    if (restore)
        dialog.restore(*restore, failure);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<Job> jobs{{paths.first(), dialog.options()}};
    if (dialog.applyToOthers()) {
        for (int i = 1; i < paths.size(); ++i)
            jobs << Job{paths[i], dialog.optionsForOthers()};
    }
    run(jobs);
    if (jobs.size() == 1 && isRunning())
        m_asked = jobs.first();
}

void ImportController::run(const QList<Job> &jobs)
{
    if (isRunning() || jobs.isEmpty())
        return;
    qint64 totalBytes = 0;
    for (const Job &job : jobs)
        totalBytes += std::max<qint64>(1, QFileInfo(job.path).size());
    const QString database = m_session->path();

    m_outcome = std::make_shared<Outcome>();
    m_watcher = new QFutureWatcher<void>(this);
    connect(m_watcher, &QFutureWatcher<void>::progressValueChanged, m_indicator,
            &StatusTaskIndicator::setProgress);
    connect(m_watcher, &QFutureWatcher<void>::finished, this, &ImportController::onFinished);
    m_indicator->start();
    m_importAction->setEnabled(false);

    m_watcher->setFuture(
        QtConcurrent::run(TaskPools::longRunning(), [jobs, database, totalBytes,
                                                     shared = m_outcome](QPromise<void> &promise) {
            promise.setProgressRange(0, ProgressSteps);
            Outcome &outcome = *shared;
            QElapsedTimer timer;
            timer.start();
            qint64 doneBytes = 0;
            try {
                DatabaseConnection connection(database);
                for (const Job &job : jobs) {
                    const qint64 fileBytes = std::max<qint64>(1, QFileInfo(job.path).size());
                    try {
                        outcome.results << TableImporter::import(
                            connection.database(), job.path, job.options,
                            [&](qint64 done, qint64 total) {
                                // Each file is read twice: `total` is twice its size.
                                const double share = total > 0 ? double(done) / double(total) : 1.0;
                                promise.setProgressValue(int((doneBytes + share * fileBytes) *
                                                             ProgressSteps / totalBytes));
                                return !promise.isCanceled();
                            });
                        // The rows generated in a table it replaced are gone with it.
                        if (outcome.results.last().replacedTable)
                            GeneratedRows().forget(database, outcome.results.last().table);
                    } catch (const ImportCancelled &) {
                        outcome.cancelled = true;
                        break;
                    } catch (const RowforgeError &error) {
                        outcome.errors << error.message();
                    }
                    doneBytes += fileBytes;
                }
            } catch (const RowforgeError &error) {
                outcome.errors << error.message();
            } catch (const std::exception &error) {
                outcome.errors << tr("The import failed unexpectedly (%1); the file being "
                                     "imported was not written")
                                      .arg(QString::fromLocal8Bit(error.what()));
            }
        }));
}

void ImportController::cancel()
{
    if (m_watcher)
        m_watcher->cancel();
}

QString ImportController::summary(const Outcome &outcome, double seconds)
{
    const QLocale locale;
    qint64 rows = 0;
    QStringList tables;
    for (const ImportResult &result : outcome.results) {
        rows += result.rows;
        tables << result.table;
    }
    const QString time = tr("%1 s").arg(locale.toString(seconds, 'f', seconds < 1 ? 2 : 1));
    if (outcome.results.size() == 1)
        return tr("Imported %1 rows into %2 in %3")
            .arg(locale.toString(rows), tables.first(), time);
    return tr("Imported %1 files, %2 rows into %3 in %4")
        .arg(outcome.results.size())
        .arg(locale.toString(rows), tables.join(QStringLiteral(", ")), time);
}

void ImportController::onFinished()
{
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_indicator->stop();
    m_importAction->setEnabled(m_session->isOpen());
    const Outcome outcome = *m_outcome;

    double seconds = 0;
    for (const ImportResult &result : outcome.results)
        seconds += result.seconds;
    QStringList parts;
    if (!outcome.results.isEmpty())
        parts << summary(outcome, seconds);
    if (outcome.cancelled)
        parts << tr("Import cancelled; the file being imported was not written");
    if (!outcome.errors.isEmpty())
        parts << (outcome.errors.size() == 1 ? tr("1 file failed")
                                             : tr("%1 files failed").arg(outcome.errors.size()));
    Q_EMIT message(parts.join(QStringLiteral(" · ")));
    if (!outcome.results.isEmpty()) {
        m_session->refresh();
        Q_EMIT tableImported(outcome.results.last().table);
    }
    Q_EMIT finished(outcome);
    // One file from the dialog: the dialog comes back with every choice, saying what failed.
    const std::optional<Job> asked = std::exchange(m_asked, std::nullopt);
    if (asked && outcome.errors.size() == 1 && outcome.results.isEmpty()) {
        ask({asked->path}, &asked->options, outcome.errors.first());
        return;
    }
    if (!outcome.errors.isEmpty())
        QMessageBox::warning(m_dialogParent, tr("Import Failed"),
                             tr("Nothing was written for these files:\n\n%1")
                                 .arg(outcome.errors.join(QStringLiteral("\n\n"))));
}
