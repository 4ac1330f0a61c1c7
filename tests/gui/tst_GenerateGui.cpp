#include "DatabaseSession.h"
#include "GenerationController.h"
#include "GenerationSettings.h"
#include "GenerationSettingsDialog.h"
#include "MainWindow.h"
#include "MockLlmServer.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QtTest>

class TestGenerateGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generateDataAddsRowsAndSaysSo();
    void cancelWritesNothing();
    void twoTablesGenerateAtOnce();
    void settingsDialogKeepsKeysOutOfTheSettingsFile();

private:
    void useMock(const MockLlmServer &server);
    static QStringList schema();
    QTemporaryDir m_home;
};

void TestGenerateGui::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("ANTHROPIC_API_KEY");
    qunsetenv("OPENAI_BASE_URL");
    AppIdentity::apply();
}

void TestGenerateGui::useMock(const MockLlmServer &server)
{
    GenerationSettings settings;
    settings.provider = QStringLiteral("openai");
    settings.baseUrl = server.baseUrl();
    settings.rows = 2;
    settings.timeoutSeconds = 30;
    settings.save();
    GenerationSettings::setSessionKey(QStringLiteral("openai"), QStringLiteral("sk-gui"));
}

QStringList TestGenerateGui::schema()
{
    return {QStringLiteral(
                "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)"),
            QStringLiteral("INSERT INTO people (name, age) VALUES ('Ann', 30), ('Bo', 41)")};
}

void TestGenerateGui::generateDataAddsRowsAndSaysSo()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue(MockLlmServer::openAiRows(
        {QJsonObject{{QStringLiteral("name"), QStringLiteral("Cy")}, {QStringLiteral("age"), 25}},
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Di")},
                     {QStringLiteral("age"), 52}}}));
    useMock(server);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("people"));
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("people")), 2);
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    QAction *generate = window.findChild<QAction *>(QStringLiteral("generateAction"));
    generate->trigger();
    // While it runs: one generation per table, and the tree says so.
    QVERIFY(!generate->isEnabled());
    const QModelIndex people = window.schemaModel()->indexOfTable(QStringLiteral("people"));
    QVERIFY(window.schemaModel()
                ->data(people.siblingAtColumn(1))
                .toString()
                .startsWith(QLatin1String("generating")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QStringLiteral("Added 2 rows to people · OpenAI gpt-4.1-mini")),
             qPrintable(window.statusBar()->currentMessage()));
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("people")), 4);
    QTRY_COMPARE(window.dataModel()->rowCount(), 4);
    QVERIFY(generate->isEnabled());
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer sk-gui"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(name) FROM people")).toString(),
             QStringLiteral("Ann,Bo,Cy,Di"));

    // Edit > Undo Generation takes exactly those rows away again.
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoGenerationAction"));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Generation (2 rows in people)"));
    undo->trigger();
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("people")), 2);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Removed the 2 generated rows from people"));
    QVERIFY(!undo->isEnabled());
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(name) FROM people")).toString(),
             QStringLiteral("Ann,Bo"));
}

void TestGenerateGui::cancelWritesNothing()
{
    TempDatabase temp(schema());
    MockLlmServer server;
    server.enqueue({0, {}, {}, MockLlmServer::Response::Hang});
    useMock(server);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("people"));
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    window.generationController()->generate(QStringLiteral("people"));
    QTRY_COMPARE(server.requests().size(), 1); // it is waiting for the answer
    // The window answers meanwhile.
    window.tableActions()->selectTable(QStringLiteral("people"));
    window.generationController()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(finished.first().first().value<GenerationController::Outcome>().cancelled);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Generation for people cancelled; nothing was written"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 2);
}

void TestGenerateGui::twoTablesGenerateAtOnce()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE a (name TEXT)"),
                       QStringLiteral("CREATE TABLE b (name TEXT)"),
                       QStringLiteral("CREATE TABLE c (name TEXT)")});
    MockLlmServer server;
    for (const char *name : {"x1", "x2"})
        server.enqueue(MockLlmServer::openAiRows(
            {QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}},
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("%1b").arg(QLatin1String(name))}}}));
    useMock(server);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    GenerationController *controller = window.generationController();
    QSignalSpy finished(controller, &GenerationController::finished);
    controller->generate(QStringLiteral("a"));
    controller->generate(QStringLiteral("b"));
    QVERIFY(controller->isGenerating(QStringLiteral("a")) &&
            controller->isGenerating(QStringLiteral("b")));
    controller->generate(QStringLiteral("c")); // a third waits its turn: refused with a message
    QVERIFY(!controller->isGenerating(QStringLiteral("c")));
    QVERIFY(
        window.statusBar()->currentMessage().contains(QLatin1String("2 generations are running")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM a")).toInt(), 2);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM b")).toInt(), 2);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM c")).toInt(), 0);
}

void TestGenerateGui::settingsDialogKeepsKeysOutOfTheSettingsFile()
{
    {
        GenerationSettingsDialog dialog;
        auto *provider = dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"));
        provider->setCurrentIndex(provider->findData(QStringLiteral("anthropic")));
        dialog.findChild<QLineEdit *>(QStringLiteral("keyEdit"))
            ->setText(QStringLiteral("sk-ant-secret-42"));
        dialog.findChild<QLineEdit *>(QStringLiteral("modelEdit"))
            ->setText(QStringLiteral("claude-test"));
        auto *samples = dialog.findChild<QCheckBox *>(QStringLiteral("samplesCheck"));
        samples->setChecked(false);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("privacyNote"))
                    ->text()
                    .contains(QLatin1String("no rows")));
        samples->setChecked(true);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("privacyNote"))
                    ->text()
                    .contains(QLatin1String("sample rows")));
        dialog.accept();
    }
    const GenerationSettings loaded = GenerationSettings::load();
    QCOMPARE(loaded.provider, QStringLiteral("anthropic"));
    QCOMPARE(loaded.model, QStringLiteral("claude-test"));
    QCOMPARE(GenerationSettings::sessionKey(QStringLiteral("anthropic")),
             QStringLiteral("sk-ant-secret-42"));
    const GenerationOptions options = loaded.options();
    QCOMPARE(options.llm.apiKey, QStringLiteral("sk-ant-secret-42"));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-ant-secret-42"));
}

QTEST_MAIN(TestGenerateGui)
#include "tst_GenerateGui.moc"
