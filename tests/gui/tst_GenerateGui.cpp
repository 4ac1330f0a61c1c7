#include "DatabaseSession.h"
#include "FidelityReportView.h"
#include "GenerateDialog.h"
#include "GenerationController.h"
#include "GenerationSettings.h"
#include "MainWindow.h"
#include "MockLlmServer.h"
#include "ProviderFreeHome.h"
#include "SchemaTreeModel.h"
#include "StatusTaskIndicator.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

class TestGenerateGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generateDataAddsRowsAndSaysSo();
    void cancelWritesNothing();
    void aModelsAnswerShowsTokensArriving();
    void twoTablesGenerateAtOnce();
    void generateDialogPreviewsWithoutWriting();
    void largeOfflineRunShowsProgressAndCancels();
    void quittingDuringARunAsksAndNeverCommits();
    void undoMemoryIsBounded();

private:
    void useMock(const MockLlmServer &server);
    static QStringList schema();
    QTemporaryDir m_home;
};

void TestGenerateGui::initTestCase()
{
    useProviderFreeHome(m_home);
}

void TestGenerateGui::useMock(const MockLlmServer &server)
{
    GenerationSettings settings;
    settings.provider = QStringLiteral("openai");
    settings.baseUrls.insert(QStringLiteral("openai"), server.baseUrl());
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
    // The new rows stand out, the old ones do not.
    QTRY_VERIFY(
        window.dataModel()->data(window.dataModel()->index(3, 1), Qt::BackgroundRole).isValid());
    QVERIFY(window.dataModel()->isHighlighted(2));
    QVERIFY(!window.dataModel()->isHighlighted(1));
    QVERIFY(
        !window.dataModel()->data(window.dataModel()->index(0, 1), Qt::BackgroundRole).isValid());
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
    QTRY_COMPARE(window.dataModel()->rowCount(), 2);
    QVERIFY(!window.dataModel()->isHighlighted(1));
    QVERIFY(!undo->isEnabled());
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(name) FROM people")).toString(),
             QStringLiteral("Ann,Bo"));
}

void TestGenerateGui::aModelsAnswerShowsTokensArriving()
{
    // A slow model streams its answer: the status line counts the tokens as they arrive.
    TempDatabase temp(schema());
    MockLlmServer server;
    QJsonArray rows;
    for (int i = 0; i < 2; ++i)
        rows << QJsonObject{{QStringLiteral("name"), QStringLiteral("Person %1 with a long name, "
                                                                    "written slowly")
                                                         .arg(i)},
                            {QStringLiteral("age"), 30 + i}};
    MockLlmServer::Response slow = MockLlmServer::openAiRows(rows);
    slow.chunkDelayMs = 150;
    server.enqueue(slow);
    useMock(server);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("people"));
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    QStringList seen;
    connect(window.statusBar(), &QStatusBar::messageChanged, this,
            [&seen](const QString &text) { seen << text; });
    window.findChild<QAction *>(QStringLiteral("generateAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const QStringList progress = seen.filter(QStringLiteral("tokens received"));
    QVERIFY2(!progress.isEmpty(), qPrintable(seen.join(u'\n')));
    QVERIFY2(progress.first().startsWith(
                 QStringLiteral("Generating 2 rows for people with OpenAI… 0 of 2 rows · about ")),
             qPrintable(progress.first()));
    QVERIFY(window.statusBar()->currentMessage().startsWith(QLatin1String("Added 2 rows")));
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

namespace {
// 300 orders with categories, numbers, dates and NULLs: enough for a meaningful report.
void fillShop(TempDatabase &temp)
{
    temp.exec(QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT "
                             "NOT NULL, amount REAL NOT NULL, ordered TEXT NOT NULL, note "
                             "TEXT)"));
    const QStringList statuses{QStringLiteral("new"), QStringLiteral("paid"),
                               QStringLiteral("sent")};
    for (int i = 0; i < 300; ++i)
        temp.exec(QStringLiteral("INSERT INTO orders (status, amount, ordered, note) VALUES "
                                 "(?, ?, ?, ?)"),
                  {statuses[i % 3], 5 + (i * 37) % 200 + 0.25,
                   QDate(2024, 1, 1).addDays(i % 200).toString(Qt::ISODate),
                   i % 4 ? QVariant() : QVariant(QStringLiteral("ring twice"))});
}

// The shop's 300 orders, open in a shown window with orders selected.
void openShop(MainWindow &window, TempDatabase &temp)
{
    fillShop(temp);
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("orders"));
}

GenerationOptions offlineRun(int rows)
{
    GenerationOptions options;
    options.llm.provider = LlmSettings::Provider::Offline;
    options.rows = rows;
    return options;
}
} // namespace

void TestGenerateGui::generateDialogPreviewsWithoutWriting()
{
    TempDatabase temp;
    fillShop(temp);
    GenerateDialog dialog(temp.path(), QStringLiteral("orders"));
    dialog.show();
    dialog.providerBox()->setCurrentIndex(
        dialog.providerBox()->findData(QStringLiteral("offline")));
    dialog.rowsBox()->setValue(500000);
    dialog.seedBox()->setValue(7);
    QSignalSpy previewed(&dialog, &GenerateDialog::previewFinished);
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, 20000);
    QVERIFY2(previewed.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
    // The first rows only, in the table's column order, and nothing written.
    QCOMPARE(dialog.previewTable()->rowCount(), GenerateDialog::PreviewRows);
    QCOMPARE(dialog.previewTable()->horizontalHeaderItem(0)->text(), QStringLiteral("status"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 300);
    QCOMPARE(dialog.reportView()->table()->rowCount(), 4);
    QVERIFY(dialog.reportView()->table()->cellWidget(0, 6)); // a histogram
    QVERIFY(dialog.reportView()->headline().contains(QLatin1String("compared with 300")));
    // The recipe that made them is there to read and edit.
    QVERIFY(dialog.recipeEditor()->toPlainText().contains(QLatin1String("rowforge-recipe/1")));
    if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                           QStringLiteral("/generate-dialog.png"));
    // Same seed, same preview.
    const QString first = dialog.previewTable()->item(0, 1)->text();
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 2, 20000);
    QCOMPARE(dialog.previewTable()->item(0, 1)->text(), first);

    // An edited recipe runs as written; a broken one is refused with the place.
    QString edited = dialog.recipeEditor()->toPlainText();
    edited.replace(QRegularExpression(QStringLiteral("\"quantiles\": \\[")),
                   QStringLiteral("\"quantiles\": [\"oops\", "));
    dialog.recipeEditor()->setPlainText(edited);
    dialog.useRecipeBox()->setChecked(true);
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 3, 20000);
    QVERIFY(!previewed.last().first().toBool());
    QVERIFY2(dialog.statusLabel()->text().startsWith(QLatin1String("Recipe: columns.")),
             qPrintable(dialog.statusLabel()->text()));
    dialog.recipeEditor()->setPlainText(QStringLiteral("{ not json"));
    GenerationOptions options;
    QVERIFY(!dialog.options(&options));
    QVERIFY(dialog.statusLabel()->text().startsWith(QLatin1String("The recipe is not a JSON")));
    // Rows from an LLM are limited; the dialog says which mode to use instead.
    dialog.useRecipeBox()->setChecked(false);
    dialog.providerBox()->setCurrentIndex(dialog.providerBox()->findData(QStringLiteral("openai")));
    GenerationSettings::setSessionKey(QStringLiteral("openai"), QStringLiteral("sk-x"));
    dialog.modeBox()->setCurrentIndex(0);
    QVERIFY(!dialog.options(&options));
    QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("recipe or offline mode")));
}

void TestGenerateGui::quittingDuringARunAsksAndNeverCommits()
{
    // Ctrl+Q during a million-row run closed the window, kept running headless and committed
    // every row. Now the window asks; Keep Working keeps it; Cancel and Quit stops the run,
    // and nothing is written.
    TempDatabase temp;
    auto window = std::make_unique<MainWindow>();
    openShop(*window, temp);
    QSignalSpy finished(window->generationController(), &GenerationController::finished);
    GenerationOptions options = offlineRun(2000000);
    window->generationController()->generateWith(QStringLiteral("orders"), options);
    QVERIFY(window->generationController()->isBusy());
    auto answer = [](const QString &button, QString *question) {
        QTimer::singleShot(50, [button, question] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            *question = box->text();
            for (QAbstractButton *candidate : box->buttons()) {
                if (candidate->text() == button)
                    candidate->click();
            }
        });
    };
    QString question;
    answer(QStringLiteral("Keep Working"), &question);
    QVERIFY(!window->close());
    QCOMPARE(question, QStringLiteral("Rowforge is still running a generation. Quit and cancel "
                                      "it? Nothing it was writing is kept."));
    QVERIFY(window->isVisible() && window->generationController()->isBusy());
    answer(QStringLiteral("Cancel and Quit"), &question);
    QVERIFY(window->close());
    window.reset(); // as when the application quits: waits for the run to stop
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 300);
}

void TestGenerateGui::undoMemoryIsBounded()
{
    // The undo stack held up to 100,000 rows per run, for every run. Now 200,000 in all: a
    // third run of 80,000 rows drops the first from the stack, and says so.
    TempDatabase temp;
    MainWindow window;
    openShop(window, temp);
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    GenerationOptions options = offlineRun(80000);
    options.fidelityReport = false;
    for (int run = 1; run <= 3; ++run) {
        window.generationController()->generateWith(QStringLiteral("orders"), options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), run, 60000);
    }
    QVERIFY2(window.statusBar()->currentMessage().endsWith(
                 QStringLiteral(" · 1 older generation can no longer be undone (undo keeps "
                                "200,000 rows)")),
             qPrintable(window.statusBar()->currentMessage()));
    // Without a report the table is still said to have been learned from, not empty.
    QVERIFY(!window.statusBar()->currentMessage().contains(QLatin1String("empty")));
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoGenerationAction"));
    // Undoing 80,000 rows shows a bar with a Cancel button; stopped, it removes nothing and
    // can be undone later.
    const QString undoText = undo->text();
    undo->trigger();
    QToolButton *stop = nullptr;
    for (QToolButton *button : window.statusBar()->findChildren<QToolButton *>()) {
        if (button->isVisible() && button->toolTip() == QLatin1String("Stop undoing; no row is "
                                                                      "removed"))
            stop = button;
    }
    QVERIFY(stop);
    stop->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                              QStringLiteral("Undo stopped; no row was removed from orders"),
                              30000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 240300);
    QVERIFY(!stop->isVisible());
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), undoText);
    undo->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaModel()->rowCountOf(QStringLiteral("orders")), 160300,
                              30000);
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 30000); // the undo runs in a worker
    undo->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaModel()->rowCountOf(QStringLiteral("orders")), 80300,
                              30000);
    QTRY_VERIFY_WITH_TIMEOUT(!undo->isEnabled(), 30000); // the first run was dropped
}

void TestGenerateGui::largeOfflineRunShowsProgressAndCancels()
{
    TempDatabase temp;
    MainWindow window;
    openShop(window, temp);
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    GenerationOptions options = offlineRun(5000);
    window.generationController()->generateWith(QStringLiteral("orders"), options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaModel()->rowCountOf(QStringLiteral("orders")), 5300,
                              30000);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QStringLiteral("Added 5,000 rows to orders · Offline")),
             qPrintable(window.statusBar()->currentMessage()));
    // The report of the last generation opens from the Table menu.
    QAction *report = window.findChild<QAction *>(QStringLiteral("fidelityReportAction"));
    QVERIFY(report->isEnabled());
    QCOMPARE(window.generationController()->lastResult().fidelity.categoryAdherence(), 1.0);
    // The report shows the pairs and the rules: every rule of the existing orders is kept.
    int rules = -1, pairs = -1, misordered = -1;
    QString lastHeader;
    QStringList unkept;
    QTimer::singleShot(0, this, [&]() {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *view = dialog->findChild<FidelityReportView *>();
        rules = view->rulesTable()->rowCount();
        pairs = view->pairsTable()->rowCount();
        // Each pair with what as many real rows score, those furthest below it first. Shown
        // to two places, a shortfall is within 0.01 of the true one, so two in order may show
        // up to 0.02 out of it (plus the round-off of the subtraction).
        lastHeader = view->pairsTable()->horizontalHeaderItem(5)->text();
        const QLocale locale;
        double previous = 2;
        for (int row = 0; row < pairs && misordered < 0; ++row) {
            const double shortfall = locale.toDouble(view->pairsTable()->item(row, 5)->text()) -
                                     locale.toDouble(view->pairsTable()->item(row, 4)->text());
            if (shortfall > previous + 0.02 + 1e-9)
                misordered = row;
            previous = shortfall;
        }
        for (int row = 0; row < rules; ++row) {
            if (view->rulesTable()->item(row, 1)->text() != QLatin1String("1.00"))
                unkept << view->rulesTable()->item(row, 0)->text();
        }
        const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            dialog->findChild<QTabWidget *>()->setCurrentIndex(1);
            dialog->grab().save(shots + QStringLiteral("/fidelity-pairs.png"));
            dialog->findChild<QTabWidget *>()->setCurrentIndex(2);
            dialog->grab().save(shots + QStringLiteral("/fidelity-rules.png"));
        }
        dialog->reject();
    });
    report->trigger();
    QVERIFY2(rules >= 1, qPrintable(QString::number(rules)));
    QVERIFY(pairs >= 6);
    QCOMPARE(lastHeader, QStringLiteral("Real rows"));
    QCOMPARE(misordered, -1);
    QVERIFY2(unkept.isEmpty(), qPrintable(unkept.join(u'\n')));

    // Ten million rows, cancelled at once: nothing is written.
    options.rows = GenerationOptions::MaxRows;
    window.generationController()->generateWith(QStringLiteral("orders"), options);
    // The bar shows the share done, the status line the rows and the rate.
    QProgressBar *bar = nullptr;
    for (QProgressBar *candidate : window.statusBar()->findChildren<QProgressBar *>()) {
        if (candidate->isVisible())
            bar = candidate;
    }
    QVERIFY(bar);
    QCOMPARE(bar->maximum(), StatusTaskIndicator::Steps);
    static const QRegularExpression progress(QStringLiteral(
        "^Generating 10,000,000 rows for orders with Offline… ([0-9,]+) of 10,000,000 rows "
        "\\((\\d+)%\\) · ([0-9,]+) rows/s$"));
    QTRY_VERIFY2_WITH_TIMEOUT(progress.match(window.statusBar()->currentMessage()).hasMatch(),
                              qPrintable(window.statusBar()->currentMessage()), 10000);
    window.generationController()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Generation for orders cancelled; nothing was written"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 5300);
}

QTEST_MAIN(TestGenerateGui)
#include "tst_GenerateGui.moc"
