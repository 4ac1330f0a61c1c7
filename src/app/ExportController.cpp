#include "ExportController.h"

#include "DatabaseSession.h"
#include "ExportDialog.h"
#include "StatusTaskIndicator.h"
#include "db/DatabaseConnection.h"
#include "export/ExportCancelled.h"
#include "export/TableExporter.h"

#include "util/TaskPools.h"
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPromise>

#include <QtConcurrent/QtConcurrentRun>

ExportController::ExportController(DatabaseSession *session, QStatusBar *statusBar,
                                   QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_session(session), m_dialogParent(dialogParent),
      m_indicator(new StatusTaskIndicator(statusBar, tr("Exporting… %p%"),
                                          tr("Stop the export; no file is written")))
{
    connect(m_indicator, &StatusTaskIndicator::cancelRequested, this, &ExportController::cancel);
}

ExportController::~ExportController()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

void ExportController::exportTable(const QString &table)
{
    if (isRunning()) {
        Q_EMIT message(tr("An export is already running; wait for it or cancel it first."));
        return;
    }
    ExportDialog dialog(table, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted)
        run(table, dialog.path(), dialog.options());
}

void ExportController::run(const QString &table, const QString &path, const ExportOptions &options)
{
    if (isRunning())
        return;
    m_outcome = std::make_shared<Outcome>();
    m_outcome->table = table;
    m_outcome->path = path;
    m_watcher = new QFutureWatcher<void>(this);
    connect(m_watcher, &QFutureWatcher<void>::progressValueChanged, m_indicator,
            &StatusTaskIndicator::setProgress);
    connect(m_watcher, &QFutureWatcher<void>::finished, this, &ExportController::onFinished);
    m_indicator->start();
    const QString database = m_session->path();
    m_watcher->setFuture(QtConcurrent::run(TaskPools::longRunning(), [database, table, path,
                                                                      options, outcome = m_outcome](
                                                                         QPromise<void> &promise) {
        promise.setProgressRange(0, StatusTaskIndicator::Steps);
        QElapsedTimer timer;
        timer.start();
        try {
            DatabaseConnection connection(database);
            outcome->rows = TableExporter::exportToFile(
                connection.database(), table, path, options, [&](qint64 done, qint64 total) {
                    if (total > 0)
                        promise.setProgressValue(int(done * StatusTaskIndicator::Steps / total));
                    return !promise.isCanceled();
                });
        } catch (const ExportCancelled &) {
            outcome->cancelled = true;
        } catch (const RowforgeError &error) {
            outcome->error = error.message();
        } catch (const std::exception &error) {
            outcome->error =
                tr("The export failed unexpectedly (%1)").arg(QString::fromLocal8Bit(error.what()));
        }
        outcome->seconds = timer.nsecsElapsed() / 1e9;
    }));
}

void ExportController::cancel()
{
    if (m_watcher)
        m_watcher->cancel();
}

void ExportController::onFinished()
{
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_indicator->stop();
    const Outcome outcome = *m_outcome;
    const QLocale locale;
    if (outcome.cancelled) {
        Q_EMIT message(tr("Export cancelled; no file was written"));
    } else if (!outcome.error.isEmpty()) {
        Q_EMIT message(outcome.error);
        QMessageBox::warning(m_dialogParent, tr("Export Failed"), outcome.error);
    } else {
        Q_EMIT message(
            tr("Exported %1 rows from %2 to %3 in %4 s")
                .arg(locale.toString(outcome.rows), outcome.table,
                     QDir::toNativeSeparators(outcome.path),
                     locale.toString(outcome.seconds, 'f', outcome.seconds < 1 ? 2 : 1)));
    }
    Q_EMIT finished(outcome);
}
