#include "DatabaseSession.h"
#include "GenerationSettings.h"
#include "MainWindow.h"
#include "MockLlmServer.h"
#include "QueryPanel.h"
#include "QueryResultModel.h"
#include "SchemaTreeModel.h"
#include "SqlEditor.h"
#include "SqlHighlighter.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QtTest>

// The Query tab in the real main window: queries run off the GUI thread and can be stopped,
// read-only unless changes are allowed, and Ask fills the editor from the (mock) model.
class TestQueryGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runsTheStatementAtTheCursor();
    void longQueryRunsOffTheGuiThreadAndCancels();
    void writesOnlyWhenAllowed();
    void askFillsTheEditorFromTheModel();
    void editorColoursCompletesMarksAndRemembers();
    void aMillionRowResultLoadsAsItScrolls();

private:
    static TempDatabase *shop();
    static void openIn(MainWindow &window, const TempDatabase &temp);

    QTemporaryDir m_home;
};

void TestQueryGui::initTestCase()
{
    // The test's own settings and data; no keychain; never a real provider.
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    for (const char *name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL",
                             "ANTHROPIC_BASE_URL", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY"})
        qunsetenv(name);
    AppIdentity::apply();
}

TempDatabase *TestQueryGui::shop()
{
    return new TempDatabase(
        {QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL)"),
         QStringLiteral("INSERT INTO items (name, price) VALUES ('pen', 1.5), ('ink', NULL), "
                        "('pad', 3.0)")});
}

void TestQueryGui::openIn(MainWindow &window, const TempDatabase &temp)
{
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.session()->path(), temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 1);
}

void TestQueryGui::runsTheStatementAtTheCursor()
{
    std::unique_ptr<TempDatabase> temp(shop());
    MainWindow window;
    openIn(window, *temp);
    QueryPanel *panel = window.queryPanel();
    QPlainTextEdit *editor = panel->editor();
    QVERIFY(editor);
    panel->setSql(QStringLiteral("SELECT count(*) AS n FROM items;\nSELECT name, price FROM items "
                                 "ORDER BY id;\n"));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(panel->sql().indexOf(QStringLiteral("name"))));
    editor->setTextCursor(cursor);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!panel->isRunning());
    QueryResultModel *model = panel->resultModel();
    QTRY_COMPARE(model->columnCount(), 2);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("name"));
    QCOMPARE(model->data(model->index(1, 1)).toString(), QStringLiteral("NULL"));
    QCOMPARE(model->data(model->index(2, 1)).toString(), QStringLiteral("3.0"));
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("3 rows")),
             qPrintable(panel->statusText()));
    if (const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(1);
        window.resize(1180, 720);
        QTest::qWait(100);
        window.grab().save(shots + QStringLiteral("/query-tab.png"));
    }

    // Export writes the whole result with Export CSV's rules, read-only.
    const QString csv = temp->folder() + QStringLiteral("/result.csv");
    panel->exportTo(csv, ExportOptions());
    QTRY_VERIFY(panel->statusText().startsWith(QStringLiteral("Exported 3 rows")));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("name,price\npen,1.5\nink,\npad,3.0\n"));

    // F5 runs everything: the last result is shown.
    panel->setSql(QStringLiteral("SELECT 1 AS a; SELECT 2 AS b"));
    QTest::keyClick(editor, Qt::Key_F5);
    QTRY_COMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("b"));
    QVERIFY(panel->statusText().contains(QStringLiteral("2 statements")));

    // An error says where.
    panel->setSql(QStringLiteral("SELECT nope FROM items"));
    panel->runAll();
    QTRY_VERIFY2(panel->statusText().contains(QStringLiteral("no such column: nope (line 1, "
                                                             "column 8)")),
                 qPrintable(panel->statusText()));
}

void TestQueryGui::longQueryRunsOffTheGuiThreadAndCancels()
{
    std::unique_ptr<TempDatabase> temp(shop());
    MainWindow window;
    openIn(window, *temp);
    QueryPanel *panel = window.queryPanel();
    // Counts for ever.
    panel->setSql(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                 "SELECT count(*) FROM c"));
    QElapsedTimer timer;
    timer.start();
    panel->runAll();
    QVERIFY2(timer.elapsed() < 500, "runAll() returned at once: the query runs on a worker");
    QVERIFY(panel->isRunning());
    // The window answers meanwhile.
    QTest::qWait(300);
    QVERIFY(panel->isRunning());
    QVERIFY(window.schemaModel()->rowCount() == 1);
    panel->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 10000);
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Cancelled")),
             qPrintable(panel->statusText()));
}

void TestQueryGui::writesOnlyWhenAllowed()
{
    std::unique_ptr<TempDatabase> temp(shop());
    MainWindow window;
    openIn(window, *temp);
    QueryPanel *panel = window.queryPanel();
    panel->setSql(QStringLiteral("DELETE FROM items WHERE price IS NULL"));
    panel->runAll();
    QTRY_VERIFY(!panel->isRunning());
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Refused")),
             qPrintable(panel->statusText()));
    QCOMPARE(temp->scalar(QStringLiteral("SELECT count(*) FROM items")).toInt(), 3);

    auto *allow = panel->findChild<QCheckBox *>();
    QVERIFY(allow);
    allow->setChecked(true);
    panel->setSql(QStringLiteral("DELETE FROM items WHERE price IS NULL; CREATE TABLE notes (n)"));
    panel->runAll();
    QTRY_VERIFY(!panel->isRunning());
    QVERIFY2(panel->statusText().contains(QStringLiteral("1 row changed")),
             qPrintable(panel->statusText()));
    QCOMPARE(temp->scalar(QStringLiteral("SELECT count(*) FROM items")).toInt(), 2);
    // The tree shows the new table.
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
}

void TestQueryGui::askFillsTheEditorFromTheModel()
{
    std::unique_ptr<TempDatabase> temp(shop());
    MockLlmServer server;
    GenerationSettings settings;
    settings.provider = QStringLiteral("openai");
    settings.baseUrls.insert(QStringLiteral("openai"), server.baseUrl());
    settings.share = QStringLiteral("schema");
    settings.save();
    GenerationSettings::setSessionKey(QStringLiteral("openai"), QStringLiteral("sk-gui"));
    const QString select = QStringLiteral("SELECT name FROM items ORDER BY price DESC LIMIT 1");
    server.enqueue(MockLlmServer::openAiText(QString::fromUtf8(
        QJsonDocument(
            QJsonObject{{QStringLiteral("sql"), select},
                        {QStringLiteral("explanation"), QStringLiteral("The dearest item.")}})
            .toJson(QJsonDocument::Compact))));
    server.enqueue(MockLlmServer::openAiText(
        QStringLiteral(R"({"sql":"DROP TABLE items","explanation":"Removes the items."})")));

    MainWindow window;
    openIn(window, *temp);
    QueryPanel *panel = window.queryPanel();
    auto *question = panel->findChild<QLineEdit *>(QStringLiteral("questionEdit"));
    QVERIFY(question);
    question->setText(QStringLiteral("Which item costs the most?"));
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_COMPARE(panel->sql(), select);
    QVERIFY(panel->statusText().startsWith(QStringLiteral("The dearest item.")));
    QCOMPARE(panel->resultModel()->rowCount(), 0); // shown for review, not run
    QVERIFY(!QString::fromUtf8(server.requests().first().body).contains(QStringLiteral("pen")));

    // A model that answers with a write is refused; the editor keeps what it had.
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_VERIFY(panel->statusText().contains(QStringLiteral("would change the database")));
    QCOMPARE(panel->sql(), select);
    QCOMPARE(temp->scalar(QStringLiteral("SELECT count(*) FROM items")).toInt(), 3);

    // No model set up: what to do, not a request.
    settings.provider = QStringLiteral("offline");
    settings.save();
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_VERIFY(panel->statusText().contains(QStringLiteral("Ollama")));
    QCOMPARE(server.requests().size(), 2);
}

void TestQueryGui::editorColoursCompletesMarksAndRemembers()
{
    std::unique_ptr<TempDatabase> temp(new TempDatabase(
        {QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL)"),
         QStringLiteral("CREATE TABLE \"order lines\" (item_id INTEGER, quantity INTEGER)")}));
    MainWindow window;
    window.show();
    window.session()->open(temp->path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 2);
    QueryPanel *panel = window.queryPanel();
    SqlEditor *editor = panel->editor();
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(1);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());

    // Colours: each kind of token as SQLite reads it, a block comment over two lines included.
    panel->setSql(
        QStringLiteral("select 'it''s', 42, \"a b\" from t -- note\n/* one\ntwo */ where"));
    const QTextBlock first = editor->document()->firstBlock();
    QCOMPARE(SqlHighlighter::kindAt(first, 0), QStringLiteral("keyword"));  // select
    QCOMPARE(SqlHighlighter::kindAt(first, 10), QStringLiteral("string"));  // it''s
    QCOMPARE(SqlHighlighter::kindAt(first, 16), QStringLiteral("number"));  // 42
    QCOMPARE(SqlHighlighter::kindAt(first, 21), QStringLiteral("name"));    // "a b"
    QCOMPARE(SqlHighlighter::kindAt(first, 26), QStringLiteral("keyword")); // from
    QCOMPARE(SqlHighlighter::kindAt(first, 31), QString());                 // t
    QCOMPARE(SqlHighlighter::kindAt(first, 36), QStringLiteral("comment")); // note
    const QTextBlock third = first.next().next();
    QCOMPARE(SqlHighlighter::kindAt(third, 1), QStringLiteral("comment")); // two
    QCOMPARE(SqlHighlighter::kindAt(third, 8), QStringLiteral("keyword")); // where

    // Completion: two letters offer the table's and the columns' names; Return takes one.
    panel->setSql(QString());
    QTest::keyClicks(editor, QStringLiteral("select quan"));
    QCompleter *completer = editor->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("quantity"));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(panel->sql(), QStringLiteral("select quantity"));
    // A name that needs quotes is offered quoted; Ctrl+Space asks without two letters.
    QTest::keyClicks(editor, QStringLiteral(" from "));
    QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClicks(editor, QStringLiteral("\"or"));
    QTRY_COMPARE(completer->currentCompletion(), QStringLiteral("\"order lines\""));
    const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        window.resize(1180, 720);
        QTest::qWait(200);
        // The popup is a window of its own: the screen shows both.
        QGuiApplication::primaryScreen()->grabWindow(0).save(shots +
                                                             QStringLiteral("/query-complete.png"));
    }
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(panel->sql(), QStringLiteral("select quantity from \"order lines\""));
    // Keywords follow the case typed.
    QTest::keyClicks(editor, QStringLiteral(" wher"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QVERIFY2(panel->sql().endsWith(QStringLiteral(" where")), qPrintable(panel->sql()));

    // An error's place is underlined in the editor, in the statement that was run.
    panel->setSql(QStringLiteral("SELECT 1;\nSELECT id,\n  nope FROM items;"));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(panel->sql().indexOf(QStringLiteral("FROM"))));
    editor->setTextCursor(cursor);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(panel->statusText().contains(QStringLiteral("no such column: nope")));
    QVERIFY(editor->hasErrorMark());
    const QTextCursor mark = editor->extraSelections().value(0).cursor;
    QCOMPARE(mark.selectedText(), QStringLiteral("nope"));
    QCOMPARE(editor->textCursor().position(), int(panel->sql().indexOf(QStringLiteral("nope"))));
    if (!shots.isEmpty())
        window.grab().save(shots + QStringLiteral("/query-error.png"));
    QTest::keyClick(editor, Qt::Key_End);
    QTest::keyClicks(editor, QStringLiteral(" "));
    QVERIFY(!editor->hasErrorMark());

    // History: what ran on this database comes back, newest first, once each.
    panel->setSql(QStringLiteral("SELECT name FROM items"));
    panel->runAll();
    QTRY_VERIFY(!panel->isRunning());
    panel->setSql(QStringLiteral("SELECT 1;"));
    panel->runAll();
    QTRY_VERIFY(!panel->isRunning());
    panel->setSql(QStringLiteral("SELECT name FROM items"));
    panel->runAll();
    QTRY_VERIFY(!panel->isRunning());
    auto *history = panel->findChild<QToolButton *>(QStringLiteral("historyButton"));
    QVERIFY(history);
    QMetaObject::invokeMethod(history->menu(), "aboutToShow");
    const QList<QAction *> entries = history->menu()->actions();
    QVERIFY(entries.size() >= 3);
    QCOMPARE(entries[0]->toolTip(), QStringLiteral("SELECT name FROM items"));
    QCOMPARE(entries[1]->toolTip(), QStringLiteral("SELECT 1;"));
    int named = 0;
    for (const QAction *entry : entries)
        named += entry->toolTip() == QLatin1String("SELECT name FROM items");
    QCOMPARE(named, 1);
    panel->setSql(QString());
    entries[1]->trigger();
    QCOMPARE(panel->sql(), QStringLiteral("SELECT 1;"));
    // Another database has its own.
    TempDatabase other({QStringLiteral("CREATE TABLE x (a)")}, QStringLiteral("other.sqlite"));
    window.session()->open(other.path());
    QTRY_COMPARE(window.session()->path(), other.path());
    QMetaObject::invokeMethod(history->menu(), "aboutToShow");
    QCOMPARE(history->menu()->actions().size(), 1);
    QVERIFY(!history->menu()->actions()[0]->isEnabled());
}

void TestQueryGui::aMillionRowResultLoadsAsItScrolls()
{
    std::unique_ptr<TempDatabase> temp(shop());
    MainWindow window;
    openIn(window, *temp);
    QueryPanel *panel = window.queryPanel();
    QueryResultModel *model = panel->resultModel();
    auto *grid = panel->findChild<QTableView *>(QStringLiteral("queryResults"));
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(1);
    panel->setSql(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                                 "WHERE x < 1200000) SELECT x, 'row ' || x AS label FROM n"));
    panel->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 30000);
    // The whole count is known at once; the grid holds the first page.
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("1,200,000 rows (the grid shows the "
                                                           "first 1,000,000; Export writes them "
                                                           "all)")),
             qPrintable(panel->statusText()));
    QCOMPARE(model->rowCount(), QueryPanel::PageRows);
    QCOMPARE(model->totalRows(), qint64(1200000));
    // Scrolled to the end of what it has, the grid asks for the next page, row after row.
    for (int pages = 2; pages <= 4; ++pages) {
        grid->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), pages * QueryPanel::PageRows);
    }
    QCOMPARE(model->index(25000, 0).data(Qt::EditRole).toLongLong(), qint64(25001));
    QCOMPARE(model->index(39999, 1).data().toString(), QStringLiteral("row 40000"));
    // A new run replaces it.
    panel->setSql(QStringLiteral("SELECT 7 AS seven"));
    panel->runAll();
    QTRY_COMPARE(model->rowCount(), 1);
    QVERIFY(!model->canFetchMore({}));

    // The model never holds more than the query returns, nor more than MaxLoaded.
    QueryResultModel alone;
    alone.setResult({QStringLiteral("x")}, {{1}, {2}}, 5);
    QSignalSpy wanted(&alone, &QueryResultModel::moreRowsWanted);
    QVERIFY(alone.canFetchMore({}));
    alone.fetchMore({});
    QCOMPARE(wanted.count(), 1);
    QCOMPARE(wanted.first().first().toLongLong(), qint64(2));
    QVERIFY(!alone.canFetchMore({})); // one page at a time
    alone.appendRows({{3}, {4}, {5}, {6}, {7}});
    QCOMPARE(alone.rowCount(), 5);
    QVERIFY(!alone.canFetchMore({}));
    alone.setResult({QStringLiteral("x")}, {{1}}, QueryResultModel::MaxLoaded + 10);
    QVERIFY(alone.canFetchMore({}));
}

QTEST_MAIN(TestQueryGui)
#include "tst_QueryGui.moc"
