#pragma once

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}
class DataGridController;
class DatabaseFileController;
class DatabaseSession;
class ExportController;
class GenerationController;
class ImportController;
class QueryPanel;
class QLabel;
class SchemaTreeModel;
class TableActionsController;
class TableDataModel;

// The main window: schema tree on the left, the selected table's rows on the right. It wires
// the session, the models and the controllers together and holds no database logic itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DatabaseSession *session() const { return m_session; }
    SchemaTreeModel *schemaModel() const { return m_schemaModel; }
    TableDataModel *dataModel() const { return m_dataModel; }
    DataGridController *grid() const { return m_grid; }
    QueryPanel *queryPanel() const { return m_queryPanel; }
    TableActionsController *tableActions() const { return m_tableActions; }
    DatabaseFileController *fileController() const { return m_fileController; }
    ImportController *importController() const { return m_importController; }
    ExportController *exportController() const { return m_exportController; }
    GenerationController *generationController() const { return m_generationController; }

    // Opens databases and hands data files to import; see DatabaseFileController::openFiles.
    void openFiles(const QStringList &paths);
    void showMessage(const QString &text);
    // File › Close Database: after unwritten edits are settled and while nothing else works
    // on the file.
    void closeDatabase();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpViews();
    void wireSession();
    void showTable(const QString &name);
    void updateTableStatus();
    void fitColumnsOnce();
    void onDatabaseOpened(const QString &path);
    void onDatabaseClosed();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    DatabaseSession *m_session;
    SchemaTreeModel *m_schemaModel;
    TableDataModel *m_dataModel;
    DataGridController *m_grid = nullptr;
    QueryPanel *m_queryPanel = nullptr;
    TableActionsController *m_tableActions;
    DatabaseFileController *m_fileController;
    ImportController *m_importController;
    ExportController *m_exportController;
    GenerationController *m_generationController;
    QString m_selectAfterRefresh; // a table to select once the tree shows it
    QLabel *m_tableStatus;
    QLabel *m_databaseStatus;
    bool m_columnsFitted = false;
};
