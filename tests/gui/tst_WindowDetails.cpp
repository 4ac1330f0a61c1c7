// The window around a database: closing it, the window at its smallest, and what the schema
// tree shows beside the columns (indexes, triggers, their statements). The real window under
// QT_QPA_PLATFORM=offscreen, real SQLite files.
#include "DatabaseSession.h"
#include "MainWindow.h"
#include "QueryPanel.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"
#include "db/DatabaseConnection.h"
#include "db/SqlExec.h"
#include "util/AppIdentity.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

class TestWindowDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void closeDatabaseLetsGoOfTheFile();
    void smallestWindowLeavesTheDataAPane();
    void indexesAndTriggersShowWithTheirStatements();

private:
    static void screenshot(QWidget &window, const QString &name);
    QTemporaryDir m_home;
};

void TestWindowDetails::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    AppIdentity::apply();
}

void TestWindowDetails::screenshot(QWidget &window, const QString &name)
{
    const QString folder = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(window.grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

void TestWindowDetails::closeDatabaseLetsGoOfTheFile()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("shop.sqlite"));
    {
        DatabaseConnection connection(path, DatabaseConnection::Mode::CreateIfMissing);
        SqlExec::exec(connection.database(), QStringLiteral("CREATE TABLE t (v)"));
        SqlExec::exec(connection.database(), QStringLiteral("INSERT INTO t VALUES (1), (2)"));
    }
    MainWindow window;
    window.show();
    auto *close = window.findChild<QAction *>(QStringLiteral("closeDatabaseAction"));
    QVERIFY(close);
    window.session()->open(path);
    QTRY_COMPARE(window.dataModel()->rowCount(), 2);
    QVERIFY(close->isEnabled());
    QCOMPARE(close->shortcut(), QKeySequence(QStringLiteral("Ctrl+W")));
    auto *import = window.findChild<QAction *>(QStringLiteral("importAction"));
    QVERIFY(import->isEnabled());
    close->trigger();
    QVERIFY(!window.session()->isOpen());
    QCOMPARE(window.schemaModel()->rowCount(), 0);
    QCOMPARE(window.dataModel()->rowCount(), 0);
    QCOMPARE(window.windowFilePath(), QString());
    QVERIFY(!window.windowTitle().contains(QStringLiteral("shop.sqlite")));
    QVERIFY(!close->isEnabled());
    QVERIFY(!import->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
    // The file is let go: back to its own rollback journal, and no -wal beside it.
    QTRY_COMPARE(
        [&path] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? int(file.read(20).at(18)) : -1;
        }(),
        1);
    QTRY_VERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    // A query has no database to run on.
    window.queryPanel()->setSql(QStringLiteral("SELECT 1"));
    window.queryPanel()->runAll();
    QCOMPARE(window.queryPanel()->statusText(), QStringLiteral("Open a database first."));
    // And it opens again.
    window.session()->open(path);
    QTRY_COMPARE(window.dataModel()->rowCount(), 2);
    QVERIFY(close->isEnabled());
}

void TestWindowDetails::smallestWindowLeavesTheDataAPane()
{
    // A deep folder: the path on the status bar set the window's least width before.
    QTemporaryDir folder;
    QString deep = folder.path();
    for (int i = 0; i < 12; ++i)
        deep += QStringLiteral("/a-rather-long-folder-name-%1").arg(i);
    QVERIFY(QDir().mkpath(deep));
    const QString path = deep + QStringLiteral("/shop.sqlite");
    {
        DatabaseConnection connection(path, DatabaseConnection::Mode::CreateIfMissing);
        SqlExec::exec(connection.database(), QStringLiteral("CREATE TABLE t (v)"));
    }
    MainWindow window;
    window.show();
    window.session()->open(path);
    QTRY_COMPARE(window.session()->path(), path);
    window.resize(1, 1);
    QTRY_COMPARE(window.size(), window.minimumSize());
    QVERIFY2(window.width() <= 700, qPrintable(QString::number(window.width())));
    const auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    QVERIFY2(tabs->width() >= 360, qPrintable(QString::number(tabs->width())));
    screenshot(window, QStringLiteral("smallest-window"));
}

void TestWindowDetails::indexesAndTriggersShowWithTheirStatements()
{
    const QString trigger = QStringLiteral("CREATE TRIGGER customers_audit AFTER UPDATE OF plan ON "
                                           "customers BEGIN INSERT INTO audit VALUES (new.email); "
                                           "END");
    TempDatabase temp({QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT "
                                      "UNIQUE, city TEXT, plan TEXT)"),
                       QStringLiteral("CREATE INDEX customers_by_city ON customers (city)"),
                       QStringLiteral("CREATE TABLE audit (what TEXT)"), trigger});
    MainWindow window;
    window.resize(1000, 600);
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("schemaTree"));
    const QModelIndex customers = window.schemaModel()->indexOfTable(QStringLiteral("customers"));
    tree->expand(customers);
    QCOMPARE(window.schemaModel()->rowCount(customers), 6);
    const QModelIndex audit = window.schemaModel()->index(5, 0, customers);
    QCOMPARE(audit.data().toString(), QStringLiteral("customers_audit"));
    QCOMPARE(audit.siblingAtColumn(1).data().toString(), QStringLiteral("trigger · AFTER UPDATE"));
    // Its menu copies the statement, ready to run elsewhere.
    QGuiApplication::clipboard()->clear();
    QTimer::singleShot(100, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        auto *copy = menu->findChild<QAction *>(QStringLiteral("copyCreateStatement"));
        QVERIFY(copy);
        copy->trigger();
        menu->close();
    });
    tree->scrollTo(audit);
    Q_EMIT tree->customContextMenuRequested(tree->visualRect(audit).center());
    QCOMPARE(QGuiApplication::clipboard()->text(), trigger + u';');
    // Selecting it shows its table.
    tree->setCurrentIndex(audit);
    QCOMPARE(window.tableActions()->currentTable(), QStringLiteral("customers"));
    screenshot(window, QStringLiteral("tree-indexes-triggers"));
}

QTEST_MAIN(TestWindowDetails)
#include "tst_WindowDetails.moc"
