#include "DatabaseSession.h"
#include "GenerationSettings.h"
#include "MainWindow.h"
#include "MockLlmServer.h"
#include "QueryPanel.h"
#include "QueryResultModel.h"
#include "SchemaTreeModel.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
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
    auto *editor = panel->findChild<QPlainTextEdit *>(QStringLiteral("sqlEditor"));
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

QTEST_MAIN(TestQueryGui)
#include "tst_QueryGui.moc"
