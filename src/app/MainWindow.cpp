#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "DataGridController.h"
#include "DatabaseFileController.h"
#include "DatabaseSession.h"
#include "ExportController.h"
#include "GenerationController.h"
#include "IconLibrary.h"
#include "ImportController.h"
#include "QueryPanel.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "db/WriteQueue.h"
#include "util/AppIdentity.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace {
constexpr int MessageTimeoutMs = 8000;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()),
      m_session(new DatabaseSession(this)), m_schemaModel(new SchemaTreeModel(this)),
      m_dataModel(new TableDataModel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(IconLibrary::icon(IconLibrary::App));
    m_ui->openDatabaseAction->setIcon(IconLibrary::icon(IconLibrary::Open));
    m_ui->newDatabaseAction->setIcon(IconLibrary::icon(IconLibrary::New));
    m_ui->mainToolBar->setIconSize(QSize(22, 22));

    setUpViews();
    m_queryPanel = new QueryPanel(m_ui->queryTab);
    m_ui->queryLayout->addWidget(m_queryPanel);
    // What a query with changes allowed wrote shows in the tree and the data view.
    connect(m_queryPanel, &QueryPanel::databaseChanged, m_session, &DatabaseSession::refresh);
    m_tableActions = new TableActionsController(
        {m_ui->importAction, m_ui->generateAction, m_ui->generateDialogAction, m_ui->exportAction,
         m_ui->deleteTableAction, m_ui->refreshAction},
        m_ui->schemaTree, m_schemaModel, m_session, this, this);
    m_fileController = new DatabaseFileController(m_session, this, this);
    m_importController =
        new ImportController(m_session, m_ui->importAction, statusBar(), this, this);
    m_exportController = new ExportController(m_session, statusBar(), this, this);
    m_generationController = new GenerationController(m_session, statusBar(), this, this);
    m_fileController->connectActions(m_ui->newDatabaseAction, m_ui->openDatabaseAction,
                                     m_ui->recentMenu);
    m_fileController->setLeaveCheck(
        [this] { return m_grid->settleChanges(tr("opening another database")); });
    wireSession();

    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->closeDatabaseAction, &QAction::triggered, this, &MainWindow::closeDatabase);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_tableActions, &TableActionsController::currentTableChanged, this,
            &MainWindow::showTable);
    connect(m_tableActions, &TableActionsController::message, this, &MainWindow::showMessage);
    connect(m_fileController, &DatabaseFileController::message, this, &MainWindow::showMessage);
    connect(m_fileController, &DatabaseFileController::importRequested, m_importController,
            &ImportController::importFiles);
    connect(m_tableActions, &TableActionsController::importRequested, m_importController,
            [this] { m_importController->importFiles(); });
    connect(m_importController, &ImportController::message, this, &MainWindow::showMessage);
    connect(m_tableActions, &TableActionsController::exportRequested, m_exportController,
            &ExportController::exportTable);
    connect(m_exportController, &ExportController::message, this, &MainWindow::showMessage);
    connect(m_tableActions, &TableActionsController::generateRequested, m_generationController,
            &GenerationController::generate);
    connect(m_tableActions, &TableActionsController::generateDialogRequested,
            m_generationController, &GenerationController::generateWithDialog);
    // The rows just added stand out in the data view; undoing them removes the mark.
    connect(m_generationController, &GenerationController::finished, this,
            [this](const GenerationController::Outcome &outcome) {
                const TableInfo *table = m_session->table(outcome.table);
                if (outcome.result.inserted > 0 && table && !table->rowidName().isEmpty())
                    m_dataModel->highlightNewestRows(outcome.table, outcome.result.inserted);
            });
    connect(m_generationController, &GenerationController::undone, m_dataModel,
            &TableDataModel::clearHighlight);
    connect(m_ui->fidelityReportAction, &QAction::triggered, m_generationController,
            &GenerationController::showFidelityReport);
    connect(m_generationController, &GenerationController::reportAvailable,
            m_ui->fidelityReportAction, &QAction::setEnabled);
    connect(m_generationController, &GenerationController::message, this, &MainWindow::showMessage);
    connect(m_generationController, &GenerationController::generatingChanged, this,
            [this](const QString &table, bool generating) {
                m_tableActions->setGenerating(table, generating);
                m_schemaModel->setGenerating(table, generating);
            });
    connect(m_ui->generationSettingsAction, &QAction::triggered, m_generationController,
            &GenerationController::showSettings);
    connect(m_ui->undoGenerationAction, &QAction::triggered, m_generationController,
            &GenerationController::undoLast);
    connect(m_generationController, &GenerationController::undoAvailable, this,
            [this](bool available, const QString &description) {
                m_ui->undoGenerationAction->setEnabled(available);
                m_ui->undoGenerationAction->setText(
                    available ? tr("&Undo Generation (%1)").arg(description)
                              : tr("&Undo Generation"));
            });
    connect(m_session, &DatabaseSession::opened, m_generationController,
            &GenerationController::forgetUndo);
    connect(m_importController, &ImportController::tableImported, this,
            [this](const QString &table) { m_selectAfterRefresh = table; });

    m_tableStatus = new QLabel(this);
    m_databaseStatus = new QLabel(this);
    m_databaseStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_tableStatus);
    statusBar()->addPermanentWidget(m_databaseStatus);
    showMessage(tr("Opening database…"));
    restoreSettings();
    // A write that waits for another (a second generation, an import during one) says so.
    WriteQueue::setObserver([this](const QString &, const QString &waiter, const QString &holder) {
        QMetaObject::invokeMethod(this, [this, waiter, holder] {
            showMessage(tr("Waiting for %1 to finish before %2…").arg(holder, waiter));
        });
    });
}

MainWindow::~MainWindow()
{
    WriteQueue::setObserver({});
    // The views go after this body: their scroll bars' last signals must not reach a window
    // that is no longer one (UBSan saw updateTableStatus called on the QWidget left).
    m_grid->disconnect(this);
    m_dataModel->disconnect(this);
}

void MainWindow::setUpViews()
{
    QTreeView *tree = m_ui->schemaTree;
    tree->setModel(m_schemaModel);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(SchemaTreeModel::NameColumn,
                                         QHeaderView::ResizeToContents);
    tree->setExpandsOnDoubleClick(true);

    QTableView *view = m_ui->dataView;
    view->setModel(m_dataModel);
    // Fixed row heights keep a view over millions of rows cheap: no per-row measuring.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    // Sorting, filter boxes, editing, copy and paste.
    m_grid = new DataGridController(view, m_dataModel, this, this);
    m_ui->editMenu->addSeparator();
    m_grid->addActionsTo(m_ui->editMenu);
    connect(m_grid, &DataGridController::positionChanged, this, &MainWindow::updateTableStatus);
    connect(m_grid, &DataGridController::message, this, &MainWindow::showMessage);
    // At its smallest the window still leaves the data a usable pane.
    m_ui->viewTabs->setMinimumWidth(360);
    setMinimumSize(680, 420);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({330, 850});
    connect(m_dataModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateTableStatus);
    connect(m_dataModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateTableStatus);
    connect(m_dataModel, &TableDataModel::scanFinished, this, &MainWindow::updateTableStatus);
    connect(m_dataModel, &TableDataModel::loadFailed, this, &MainWindow::showMessage);
    connect(m_dataModel, &QAbstractItemModel::dataChanged, this, &MainWindow::fitColumnsOnce);
}

void MainWindow::fitColumnsOnce()
{
    if (m_columnsFitted || !m_dataModel->isPageLoaded(0))
        return;
    m_columnsFitted = true;
    // QTableView measures only the rows on screen, so this stays cheap on any table size.
    QTableView *view = m_ui->dataView;
    QHeaderView *header = view->horizontalHeader();
    const TableInfo *table = m_session->table(m_dataModel->tableName());
    // Numbers further down a big table are longer than on its first page; eliding "99999…" in
    // an id column would hide the value, so numeric columns get room for twelve digits.
    const int numberWidth =
        view->fontMetrics().horizontalAdvance(QStringLiteral("999,999,999,999"));
    for (int column = 0; column < m_dataModel->columnCount(); ++column) {
        const ColumnInfo *info =
            table ? table->column(m_dataModel->headerData(column, Qt::Horizontal).toString())
                  : nullptr;
        const bool numeric =
            info && info->affinity != SqlAffinity::Text && info->affinity != SqlAffinity::Blob;
        view->resizeColumnToContents(column);
        header->resizeSection(
            column, std::clamp(header->sectionSize(column), numeric ? numberWidth : 60, 320));
    }
}

void MainWindow::wireSession()
{
    connect(m_session, &DatabaseSession::opened, this, &MainWindow::onDatabaseOpened);
    connect(m_session, &DatabaseSession::closed, this, &MainWindow::onDatabaseClosed);
    connect(m_session, &DatabaseSession::closed, m_generationController,
            &GenerationController::forgetUndo);
    connect(m_session, &DatabaseSession::openFailed, this,
            [this](const QString &, const QString &message) {
                showMessage(message);
                QMessageBox::warning(this, tr("Cannot Open Database"), message);
            });
    connect(m_session, &DatabaseSession::schemaChanged, m_schemaModel, &SchemaTreeModel::setTables);
    // The Query tab completes the names of the database shown.
    connect(m_session, &DatabaseSession::schemaChanged, this,
            [this](const QList<TableInfo> &tables) {
                QStringList names;
                for (const TableInfo &table : tables) {
                    names << table.name;
                    for (const ColumnInfo &column : table.columns)
                        names << column.name;
                }
                m_queryPanel->setNames(names);
            });
    // A freshly opened database shows its first table rather than an empty pane; a new import
    // shows the imported table.
    connect(m_session, &DatabaseSession::schemaChanged, this, [this](const QList<TableInfo> &) {
        if (!m_selectAfterRefresh.isEmpty()) {
            m_tableActions->selectTable(m_selectAfterRefresh);
            m_selectAfterRefresh.clear();
            return;
        }
        if (!m_tableActions->currentTable().isEmpty())
            return;
        for (int row = 0; row < m_schemaModel->rowCount(); ++row) {
            const TableInfo *table = m_schemaModel->tableAt(m_schemaModel->index(row, 0));
            if (table->kind == TableInfo::Table) {
                m_tableActions->selectTable(table->name);
                break;
            }
        }
    });
    connect(m_session, &DatabaseSession::rowCountReady, m_schemaModel,
            &SchemaTreeModel::setRowCount);
    connect(m_session, &DatabaseSession::operationFailed, this, [this](const QString &message) {
        showMessage(message);
        QMessageBox::warning(this, tr("Rowforge"), message);
    });
    connect(m_session, &DatabaseSession::tableDropped, this,
            [this](const QString &name) { showMessage(tr("Deleted \"%1\"").arg(name)); });
    // The data view follows schema refreshes of the table it shows.
    connect(m_session, &DatabaseSession::schemaChanged, this, [this] {
        const QString shown = m_dataModel->tableName();
        if (shown.isEmpty())
            return;
        if (const TableInfo *table = m_session->table(shown))
            m_dataModel->setTable(m_session->path(), *table);
        else
            m_dataModel->clear();
    });
}

void MainWindow::onDatabaseOpened(const QString &path)
{
    m_schemaModel->clear();
    m_dataModel->clear();
    setWindowTitle(tr("%1 — %2").arg(QFileInfo(path).fileName(), AppIdentity::displayName()));
    setWindowFilePath(path);
    // A deep path would set the window's least width; its middle gives way, the tip has it all.
    m_databaseStatus->setText(m_databaseStatus->fontMetrics().elidedText(
        QDir::toNativeSeparators(path), Qt::ElideMiddle, 360));
    m_databaseStatus->setToolTip(QDir::toNativeSeparators(path));
    m_queryPanel->setDatabase(path);
    m_ui->closeDatabaseAction->setEnabled(true);
    // The whole path is on the status bar's right already.
    showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()));
}

void MainWindow::closeDatabase()
{
    if (!m_session->isOpen() || !m_grid->settleChanges(tr("closing the database")))
        return;
    // Work on the file finishes (or is cancelled) first: closing never drops it half-done.
    if (m_generationController->isBusy() || m_importController->isRunning() ||
        m_exportController->isRunning() || m_queryPanel->isRunning()) {
        const QString text = tr("Rowforge is still working on this database; cancel it or let it "
                                "finish, then close the database.");
        showMessage(text);
        QMessageBox::information(this, tr("Close Database"), text);
        return;
    }
    m_session->close();
}

void MainWindow::onDatabaseClosed()
{
    m_schemaModel->clear();
    m_dataModel->clear();
    m_queryPanel->setDatabase(QString());
    m_queryPanel->setNames({});
    setWindowTitle(AppIdentity::displayName());
    setWindowFilePath(QString());
    m_databaseStatus->clear();
    m_databaseStatus->setToolTip(QString());
    m_tableStatus->clear();
    m_ui->closeDatabaseAction->setEnabled(false);
    showMessage(tr("Closed the database. Open one, or drop a database or data file here."));
}

void MainWindow::showTable(const QString &name)
{
    // Changes not written to the table shown are written or dropped first, as the user says.
    const QString shown = m_dataModel->tableName();
    if (name != shown && !shown.isEmpty() && !m_grid->settleChanges(tr("showing %1").arg(name))) {
        m_tableActions->selectTable(shown);
        return;
    }
    const TableInfo *table = m_session->table(name);
    if (!table) {
        m_dataModel->clear();
        return;
    }
    if (m_dataModel->tableName() != name) {
        m_columnsFitted = false;
        m_dataModel->setTable(m_session->path(), *table);
    }
}

void MainWindow::updateTableStatus()
{
    const QString name = m_dataModel->tableName();
    if (name.isEmpty()) {
        m_tableStatus->clear();
        return;
    }
    const int rows = m_dataModel->rowCount();
    QString text = m_dataModel->isScanning()
                       ? tr("%1 · %2+ rows").arg(name, QLocale().toString(rows))
                       : tr("%1 · %2").arg(name, m_grid->positionText());
    if (!m_dataModel->query().filters.isEmpty())
        text += tr(" · filtered");
    if (m_dataModel->pendingChanges() > 0)
        text +=
            tr(" · %1 changes not written").arg(QLocale().toString(m_dataModel->pendingChanges()));
    m_tableStatus->setText(text);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, MessageTimeoutMs);
}

void MainWindow::openFiles(const QStringList &paths)
{
    m_fileController->openFiles(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    const bool usable = std::any_of(paths.begin(), paths.end(), &DatabaseFileController::canOpen);
    if (usable)
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (m_fileController->openFiles(localFiles(event->mimeData())))
        event->acceptProposedAction();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_ui->splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_ui->splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Work still running is not dropped silently, nor finished (and committed) after the
    // window has gone: the user chooses, and quitting cancels it and waits for it to stop.
    if (!m_grid->settleChanges(tr("quitting"))) {
        event->ignore();
        return;
    }
    QStringList running;
    if (m_generationController->isBusy())
        running << tr("a generation");
    if (m_importController->isRunning())
        running << tr("an import");
    if (m_exportController->isRunning())
        running << tr("an export");
    if (!running.isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Quit Rowforge"),
                        tr("Rowforge is still running %1. Quit and cancel it? Nothing it was "
                           "writing is kept.")
                            .arg(running.join(tr(" and "))),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("quitWhileBusyBox"));
        QPushButton *quit = box.addButton(tr("Cancel and Quit"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("Keep Working"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
        m_generationController->cancel();
        m_importController->cancel();
        m_exportController->cancel();
        statusBar()->showMessage(tr("Stopping…"));
    }
    saveSettings();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Rowforge"),
        tr("<h3>Rowforge %1</h3><p>Grow SQLite tables with realistic synthetic data.</p>"
           "<p>Browse a database, import CSV and JSON files, export tables to CSV, and "
           "generate rows that look like the ones you have.</p>")
            .arg(QCoreApplication::applicationVersion()));
}
