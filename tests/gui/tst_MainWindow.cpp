#include "DatabaseSession.h"
#include "MainWindow.h"
#include "QueryPanel.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/Transaction.h"
#include "generate/GeneratedRows.h"
#include "util/AppIdentity.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QtTest>
#include <atomic>
#include <thread>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void actionsDisabledUntilATableIsSelected();
    void opensDefaultDatabaseWithDemoTables();
    void treeShowsTablesAndSelectionEnablesActions();
    void toolbarOrderAndIcons();
    void deleteTableAsksFirst();
    void deleteTableBetweenExpandedTablesKeepsTheTree();
    void openRecentTellsFoldersApart();
    void deleteTableSaysWhatOtherTablesLose();
    void deleteTableWaitsForAWriteInProgress();
    void newDatabaseAsksBeforeReplacingTheFileItWouldReplace();
    void droppingADatabaseOpensIt();
    void journalModeIsPutBackWhenTheFileIsClosed();
    void openingANonDatabaseExplainsWhy();
    void generateWithoutKeyFallsBackToOffline();
    void geometryAndSplitterAreRemembered();

private:
    static QAction *action(MainWindow &window, const char *name);
    // Answers the next modal dialog with the button whose text is `buttonText`.
    static void answerNextDialog(const QString &buttonText);
    // Types a name into the next file dialog and presses Return; `replace` answers the
    // "already exists" question, and a dialog still open after it is cancelled.
    static void typeIntoNextFileDialog(const QString &name, const QString &replace);
    static void screenshot(QWidget &window, const QString &name);
    QTemporaryDir m_home;
};

void TestMainWindow::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    AppIdentity::apply();
}

QAction *TestMainWindow::action(MainWindow &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}

void TestMainWindow::typeIntoNextFileDialog(const QString &name, const QString &replace)
{
    QTimer::singleShot(50, [name, replace] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return typeIntoNextFileDialog(name, replace); // not shown yet
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        edit->setText(name);
        answerNextDialog(replace);
        QTest::keyClick(edit, Qt::Key_Return);
        if (dialog->isVisible())
            QTest::keyClick(dialog, Qt::Key_Escape);
    });
}

void TestMainWindow::answerNextDialog(const QString &buttonText)
{
    QTimer::singleShot(50, [buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return answerNextDialog(buttonText); // not shown yet
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(u'&') == buttonText) {
                button->click();
                return;
            }
        }
        box->reject();
    });
}

void TestMainWindow::screenshot(QWidget &window, const QString &name)
{
    const QString folder = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(window.grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

void TestMainWindow::actionsDisabledUntilATableIsSelected()
{
    MainWindow window;
    window.show();
    for (const char *name : {"generateAction", "exportAction", "deleteTableAction", "importAction"})
        QVERIFY2(!action(window, name)->isEnabled(), name);
    QVERIFY(action(window, "openDatabaseAction")->isEnabled());
}

void TestMainWindow::opensDefaultDatabaseWithDemoTables()
{
    MainWindow window;
    window.resize(1180, 720);
    window.show();
    window.session()->openDefault();
    QTRY_VERIFY(window.session()->isOpen());
    QVERIFY(window.session()->path().startsWith(m_home.path()));
    QTRY_VERIFY(window.schemaModel()->indexOfTable(QStringLiteral("customers")).isValid());
    QVERIFY(window.schemaModel()->indexOfTable(QStringLiteral("orders")).isValid());
    // The first table is selected and its rows are shown.
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("customers"));
    QTRY_COMPARE(window.dataModel()->rowCount(), 200);
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("customers")), 200);
    QVERIFY(window.windowTitle().startsWith(QLatin1String("rowforge.sqlite")));
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("schemaTree"));
    tree->expand(window.schemaModel()->indexOfTable(QStringLiteral("customers")));
    QTRY_VERIFY(window.dataModel()->isPageLoaded(0));
    screenshot(window, QStringLiteral("main-window"));
}

void TestMainWindow::treeShowsTablesAndSelectionEnablesActions()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO people (name) VALUES ('Ann'), ('Bo'), ('Cy')"),
        QStringLiteral("CREATE TABLE \"x; DROP TABLE people;--\" (v)"),
        QStringLiteral("CREATE VIEW names AS SELECT name FROM people"),
    });
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 3);
    QCOMPARE(window.windowTitle(), QStringLiteral("test.sqlite — Rowforge"));

    TableActionsController *actions = window.tableActions();
    QTRY_COMPARE(actions->currentTable(), QStringLiteral("people"));
    QVERIFY(action(window, "generateAction")->isEnabled());
    QVERIFY(action(window, "exportAction")->isEnabled());
    QVERIFY(action(window, "deleteTableAction")->isEnabled());
    QTRY_COMPARE(window.dataModel()->rowCount(), 3);
    QTRY_COMPARE(window.dataModel()->data(window.dataModel()->index(2, 1)).toString(),
                 QStringLiteral("Cy"));

    // A view can be exported but not grown.
    actions->selectTable(QStringLiteral("names"));
    QCOMPARE(actions->currentTable(), QStringLiteral("names"));
    QVERIFY(!action(window, "generateAction")->isEnabled());
    QVERIFY(action(window, "exportAction")->isEnabled());

    // Selecting a column selects its table.
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("schemaTree"));
    const QModelIndex hostile =
        window.schemaModel()->indexOfTable(QStringLiteral("x; DROP TABLE people;--"));
    tree->setCurrentIndex(window.schemaModel()->index(0, 0, hostile));
    QCOMPARE(actions->currentTable(), QStringLiteral("x; DROP TABLE people;--"));
    QTRY_COMPARE(window.dataModel()->tableName(), QStringLiteral("x; DROP TABLE people;--"));

    tree->clearSelection();
    tree->setCurrentIndex(QModelIndex());
    QCOMPARE(actions->currentTable(), QString());
    QVERIFY(!action(window, "generateAction")->isEnabled());
    QVERIFY(!action(window, "exportAction")->isEnabled());
    QVERIFY(action(window, "importAction")->isEnabled()); // it makes new tables
}

void TestMainWindow::toolbarOrderAndIcons()
{
    MainWindow window;
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    const QList<QAction *> items = toolbar->actions();
    const int generate = int(items.indexOf(action(window, "generateAction")));
    const int exportCsv = int(items.indexOf(action(window, "exportAction")));
    QVERIFY(generate >= 0);
    QCOMPARE(exportCsv, generate + 1);
    QVERIFY(items.indexOf(action(window, "importAction")) >= 0);
    for (const char *name : {"importAction", "generateAction", "exportAction", "openDatabaseAction",
                             "deleteTableAction", "refreshAction"}) {
        QAction *a = action(window, name);
        QVERIFY2(!a->icon().isNull() && !a->icon().pixmap(22).isNull(), name);
        QVERIFY2(!a->toolTip().isEmpty(), name);
    }
    QCOMPARE(action(window, "generateAction")->shortcut(), QKeySequence(QStringLiteral("Ctrl+G")));
    QCOMPARE(action(window, "exportAction")->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
}

void TestMainWindow::deleteTableAsksFirst()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE keepme (v)"),
                       QStringLiteral("CREATE TABLE \"drop \"\"me\"\"\" (v)"),
                       QStringLiteral("INSERT INTO \"drop \"\"me\"\"\" VALUES (1), (2)")});
    const QString victim = QStringLiteral("drop \"me\"");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    window.tableActions()->selectTable(victim);
    QTRY_COMPARE(window.schemaModel()->rowCountOf(victim), 2);
    // Rows Rowforge generated, as remembered in the app's data folder.
    const GeneratedRows generated;
    generated.add(temp.path(), victim, 1, 2);
    generated.add(temp.path(), QStringLiteral("keepme"), 5, 9);

    answerNextDialog(QStringLiteral("Cancel"));
    action(window, "deleteTableAction")->trigger();
    QTest::qWait(200);
    QVERIFY(SchemaReader::read(temp.db(), victim).has_value());
    QCOMPARE(window.schemaModel()->rowCount(), 2);

    // With the keyboard alone: Alt+D is Delete's mnemonic.
    QTimer::singleShot(50, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->activateWindow(); // mnemonics act in the active window
        QVERIFY(QTest::qWaitForWindowActive(box));
        QTest::keyClick(box, Qt::Key_D, Qt::AltModifier);
        // A mnemonic clicks after a short flash; if it did nothing, the table stays and the
        // test fails.
        QTimer::singleShot(3000, [box = QPointer<QMessageBox>(box)] {
            if (box)
                box->reject();
        });
    });
    action(window, "deleteTableAction")->trigger();
    QTRY_COMPARE(window.schemaModel()->rowCount(), 1);
    QVERIFY(!SchemaReader::read(temp.db(), victim).has_value());
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("keepme")).has_value());
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(victim));
    QVERIFY(window.tableActions()->currentTable() != victim);
    // A table made later under the name holds none of them; the other table's stay known.
    QVERIFY(generated.of(temp.path(), victim).isEmpty());
    QCOMPARE(generated.of(temp.path(), QStringLiteral("keepme")).ranges(),
             (std::vector<RowidRanges::Range>{{5, 9}}));
}

void TestMainWindow::deleteTableBetweenExpandedTablesKeepsTheTree()
{
    // Seen by a user: after deleting a table that sorts between two expanded ones, the next
    // table listed `id` twice.
    TempDatabase temp({QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY, x)"),
                       QStringLiteral("CREATE TABLE b (id INTEGER PRIMARY KEY, y, w)"),
                       QStringLiteral("CREATE TABLE c (id INTEGER PRIMARY KEY, z)"),
                       QStringLiteral("INSERT INTO b (y) VALUES (1), (2)")});
    MainWindow window;
    window.show();
    QAbstractItemModelTester tester(window.schemaModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 3);
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("schemaTree"));
    QVERIFY(tree);
    for (const char *name : {"a", "c"})
        tree->expand(window.schemaModel()->indexOfTable(QString::fromLatin1(name)));
    window.tableActions()->selectTable(QStringLiteral("b"));
    answerNextDialog(QStringLiteral("Delete"));
    action(window, "deleteTableAction")->trigger();
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    QTest::qWait(100); // a refresh after the drop, if any, lands too
    // What the tree shows, top to bottom.
    QStringList shown;
    for (QModelIndex index = tree->model()->index(0, 0); index.isValid();
         index = tree->indexBelow(index))
        shown << tree->model()->data(index).toString();
    QCOMPARE(shown, (QStringList{QStringLiteral("a"), QStringLiteral("id"), QStringLiteral("x"),
                                 QStringLiteral("c"), QStringLiteral("id"), QStringLiteral("z")}));
}

void TestMainWindow::openRecentTellsFoldersApart()
{
    // Two databases called shop.sqlite in different folders: the menu showed "shop.sqlite"
    // twice.
    TempDatabase first({QStringLiteral("CREATE TABLE t (v)")}, QStringLiteral("shop.sqlite"));
    TempDatabase second({QStringLiteral("CREATE TABLE t (v)")}, QStringLiteral("shop.sqlite"));
    MainWindow window;
    window.show();
    for (const TempDatabase *temp : {&first, &second}) {
        window.session()->open(temp->path());
        QTRY_COMPARE(window.session()->path(), temp->path());
        QTRY_COMPARE(window.schemaModel()->rowCount(), 1);
    }
    auto *menu = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QStringList texts;
    for (QAction *action : menu->actions()) {
        if (action->toolTip().endsWith(QLatin1String("shop.sqlite")))
            texts << action->text();
    }
    QCOMPARE(texts.size(), 2);
    QCOMPARE(texts[0],
             QStringLiteral("&1 shop.sqlite — %1").arg(QDir::toNativeSeparators(second.folder())));
    QCOMPARE(texts[1],
             QStringLiteral("&2 shop.sqlite — %1").arg(QDir::toNativeSeparators(first.folder())));
}

void TestMainWindow::deleteTableSaysWhatOtherTablesLose()
{
    // Dropping a parent empties it first: the children's ON DELETE actions run. The question
    // says so before anything happens.
    TempDatabase temp({QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name)"),
                       QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id "
                                      "REFERENCES customers (id) ON DELETE CASCADE)"),
                       QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, customer_id "
                                      "REFERENCES customers (id) ON DELETE SET NULL)"),
                       QStringLiteral("INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bo')"),
                       QStringLiteral("INSERT INTO orders VALUES (1, 1), (2, 1), (3, 2)"),
                       QStringLiteral("INSERT INTO notes VALUES (1, 2)")});
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 3);
    window.tableActions()->selectTable(QStringLiteral("customers"));
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("orders")), 3);
    QString informative;
    QTimer::singleShot(50, [&informative] {
        std::function<void()> answer = [&informative, &answer] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                QTimer::singleShot(50, answer);
                return;
            }
            informative = box->informativeText();
            const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
            if (!shots.isEmpty())
                box->grab().save(shots + QStringLiteral("/delete-table.png"));
            box->button(QMessageBox::Cancel)->click();
        };
        answer();
    });
    action(window, "deleteTableAction")->trigger();
    QTRY_VERIFY(!informative.isEmpty());
    QVERIFY2(informative.contains(QStringLiteral(
                 "\"orders\" (customer_id) references it, ON DELETE CASCADE: its rows that "
                 "point here (3 at most) would be deleted too.")),
             qPrintable(informative));
    QVERIFY2(informative.contains(QStringLiteral("\"notes\" (customer_id) references it, ON "
                                                 "DELETE SET NULL: its rows that point here (1 "
                                                 "at most) would lose their reference")),
             qPrintable(informative));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3);
}

void TestMainWindow::deleteTableWaitsForAWriteInProgress()
{
    // A write holds the file for 6 s, past SQLite's 5 s busy timeout (as a long generation
    // does): Delete Table waits for its turn, says so, then deletes; it used to fail with
    // "database is locked".
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE keep (v)"), QStringLiteral("CREATE TABLE gone (v)")});
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    window.tableActions()->selectTable(QStringLiteral("gone"));
    std::atomic<bool> holding{false};
    std::thread writer([&] {
        DatabaseConnection connection(temp.path());
        Transaction transaction(connection.database(), QStringLiteral("the generation on keep"));
        SqlExec::exec(connection.database(), QStringLiteral("INSERT INTO keep VALUES (1)"));
        holding = true;
        QThread::msleep(6000);
        transaction.commit();
    });
    QTRY_VERIFY(holding.load());
    QStringList seen;
    connect(window.statusBar(), &QStatusBar::messageChanged, this,
            [&seen](const QString &text) { seen << text; });
    answerNextDialog(QStringLiteral("Delete"));
    action(window, "deleteTableAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaModel()->rowCount(), 1, 15000);
    writer.join();
    QVERIFY2(seen.contains(QStringLiteral(
                 "Waiting for the generation on keep to finish before deleting gone…")),
             qPrintable(seen.join(u'\n')));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM keep")).toInt(), 1);
}

void TestMainWindow::newDatabaseAsksBeforeReplacingTheFileItWouldReplace()
{
    // Typing "shop" names shop.sqlite, which exists: the dialog asks about that file (it used
    // to ask about "shop", which did not exist, then delete shop.sqlite without a word).
    TempDatabase existing({QStringLiteral("CREATE TABLE precious (v)"),
                           QStringLiteral("INSERT INTO precious VALUES (1)")},
                          QStringLiteral("shop.sqlite"));
    const QString path = existing.path();
    QFile wal(path + QStringLiteral("-wal"));
    QSettings().setValue(QStringLiteral("lastDatabaseFolder"), existing.folder());
    MainWindow window;
    window.show();
    typeIntoNextFileDialog(QStringLiteral("shop"), QStringLiteral("No"));
    action(window, "newDatabaseAction")->trigger();
    QTest::qWait(300);
    QCOMPARE(existing.scalar(QStringLiteral("SELECT count(*) FROM precious")).toInt(), 1);
    QVERIFY(window.session()->path() != path);

    // "Yes": replaced by an empty database, and its -wal is not replayed onto the new file.
    existing.db().close();
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write("stale write-ahead log");
    wal.close();
    typeIntoNextFileDialog(QStringLiteral("shop"), QStringLiteral("Yes"));
    action(window, "newDatabaseAction")->trigger();
    QTRY_COMPARE(window.session()->path(), path);
    QTRY_COMPARE(window.schemaModel()->rowCount(), 0);
    QVERIFY(!QFileInfo(path + QStringLiteral("-wal")).exists() ||
            QFileInfo(path + QStringLiteral("-wal")).size() != 21);
}

void TestMainWindow::droppingADatabaseOpensIt()
{
    TempDatabase first({QStringLiteral("CREATE TABLE one (v)")}, QStringLiteral("first.db"));
    TempDatabase second(
        {QStringLiteral("CREATE TABLE two (v)"), QStringLiteral("CREATE TABLE three (v)")},
        QStringLiteral("second.sqlite3"));
    MainWindow window;
    window.show();
    window.session()->open(first.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 1);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(second.path())});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(window.session()->path(), second.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    QVERIFY(window.windowTitle().startsWith(QLatin1String("second.sqlite3")));

    // Files Rowforge cannot use are refused at the door.
    QMimeData image;
    QFile png(first.folder() + QStringLiteral("/picture.png"));
    QVERIFY(png.open(QIODevice::WriteOnly));
    png.write("\x89PNG\r\n");
    png.close();
    image.setUrls({QUrl::fromLocalFile(png.fileName())});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::journalModeIsPutBackWhenTheFileIsClosed()
{
    // The window switches a database to WAL while it has it open (the view reads while a
    // generation writes); the user's rollback journal comes back when it closes the file.
    QTemporaryDir folder;
    auto makeDatabase = [&folder](const QString &name) {
        const QString path = folder.filePath(name);
        DatabaseConnection connection(path, DatabaseConnection::Mode::CreateIfMissing);
        SqlExec::exec(connection.database(), QStringLiteral("CREATE TABLE t (v)"));
        return path;
    };
    auto journalByte = [](const QString &path) { // 1: rollback journal, 2: WAL
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? int(file.read(20).at(18)) : -1;
    };
    const QString first = makeDatabase(QStringLiteral("first.sqlite"));
    const QString second = makeDatabase(QStringLiteral("second.sqlite"));
    QCOMPARE(journalByte(first), 1);
    {
        MainWindow window;
        window.session()->open(first);
        QTRY_COMPARE(window.session()->path(), first);
        QCOMPARE(journalByte(first), 2);
        window.session()->open(second); // while the first file's rows are still being read
        QTRY_COMPARE(window.session()->path(), second);
        QCOMPARE(journalByte(first), 1);
        QCOMPARE(journalByte(second), 2);
        window.session()->open(second); // opened again: still put back in the end
        QTest::qWait(200);
    }
    QCOMPARE(journalByte(first), 1);
    QTRY_COMPARE(journalByte(second), 1);
}

void TestMainWindow::openingANonDatabaseExplainsWhy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fake.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(512, 'z'));
    file.close();
    TempDatabase good({QStringLiteral("CREATE TABLE fine (v)")});
    MainWindow window;
    window.show();
    window.session()->open(good.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 1);

    QSignalSpy failed(window.session(), &DatabaseSession::openFailed);
    answerNextDialog(QStringLiteral("OK"));
    window.session()->open(path);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(
        failed.first().at(1).toString().contains(QLatin1String("not a usable SQLite database")));
    // The database that was open stays open.
    QCOMPARE(window.session()->path(), good.path());
    QCOMPARE(window.schemaModel()->rowCount(), 1);
}

void TestMainWindow::generateWithoutKeyFallsBackToOffline()
{
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("ANTHROPIC_API_KEY");
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)")});
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("t"));
    action(window, "generateAction")->trigger();
    QTRY_VERIFY2(window.statusBar()->currentMessage().startsWith(
                     QStringLiteral("Added 10 rows to t · Offline")),
                 qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 10);
}

void TestMainWindow::geometryAndSplitterAreRemembered()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(900, 600);
        window.show();
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("splitter"));
        splitter->setSizes({200, 700});
        sizes = splitter->sizes();
        window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
    MainWindow again;
    again.show();
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), sizes);
    QCOMPARE(again.size(), QSize(900, 600));
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
