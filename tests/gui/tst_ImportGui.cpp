#include "DatabaseSession.h"
#include "GenerationController.h"
#include "ImportController.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"
#include "TestFiles.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "generate/GeneratedRows.h"
#include "util/AppIdentity.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QtTest>

class TestImportGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void droppingFilesImportsThemIntoNewTables();
    void dialogPreviewShowsStoredValuesAndTypes();
    void dialogTypeChoiceIsEnforced();
    void cancelWritesNothing();
    void failedFileIsExplained();
    void aReplacedTableIsNoLongerGenerated();
    void columnsRenamedSkippedAndAFailureAsksAgain();
    void importAndTwoGenerationsAtOnceTakeTurns();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Accepts the next ImportDialog once its preview is ready, optionally adjusting it.
    static void acceptNextImportDialog(std::function<void(ImportDialog *)> adjust = {});
    static void dismissNextMessageBox();
    QTemporaryDir m_home;
};

void TestImportGui::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    AppIdentity::apply();
}

QString TestImportGui::writeFile(const QString &name, const QByteArray &bytes)
{
    return TestFiles::write(m_home.path(), name, bytes);
}

void TestImportGui::acceptNextImportDialog(std::function<void(ImportDialog *)> adjust)
{
    QTimer::singleShot(20, [adjust] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isPreviewReady())
            return acceptNextImportDialog(adjust);
        if (adjust)
            adjust(dialog);
        if (!dialog->isPreviewReady())
            return acceptNextImportDialog({});
        dialog->accept();
    });
}

void TestImportGui::dismissNextMessageBox()
{
    QTimer::singleShot(20, [] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return dismissNextMessageBox();
        modal->close();
    });
}

void TestImportGui::droppingFilesImportsThemIntoNewTables()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE existing (v)")});
    const QString csv = writeFile(QStringLiteral("Trips 2024.csv"),
                                  "id,fare,zone\n1,9.5,0805\n2,12,1000\n3,,\"\"\n");
    const QString jsonl =
        writeFile(QStringLiteral("events.jsonl"), "{\"kind\":\"a\"}\n{\"kind\":\"b\"}\n");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCount(), 1);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csv), QUrl::fromLocalFile(jsonl)});
    QDragEnterEvent enter(QPoint(40, 40), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    acceptNextImportDialog();
    QSignalSpy finished(window.importController(), &ImportController::finished);
    QDropEvent drop(QPointF(40, 40), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    QTRY_COMPARE(window.schemaModel()->rowCount(), 3);
    QVERIFY(window.schemaModel()->indexOfTable(QStringLiteral("trips_2024")).isValid());
    QVERIFY(window.schemaModel()->indexOfTable(QStringLiteral("events")).isValid());
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("trips_2024")), 3);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QLatin1String("Imported 2 files, 5 rows into trips_2024, events in")),
             qPrintable(window.statusBar()->currentMessage()));
    // The last imported table is selected and shown.
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("events"));
    QTRY_COMPARE(window.dataModel()->rowCount(), 2);

    const TableInfo trips = SchemaReader::require(temp.db(), QStringLiteral("trips_2024"));
    QCOMPARE(trips.column(QStringLiteral("zone"))->declaredType, QStringLiteral("TEXT"));
    QCOMPARE(SqlExec::scalar(temp.db(), QStringLiteral("SELECT zone FROM trips_2024 WHERE id = 1"))
                 .toString(),
             QStringLiteral("0805"));
}

void TestImportGui::dialogPreviewShowsStoredValuesAndTypes()
{
    const QString path =
        writeFile(QStringLiteral("semi.csv"), "name;score;code\nAnn;1,5;007\nBo;;008\n");
    ImportDialog dialog({path}, {QStringLiteral("semi")});
    QTRY_VERIFY(dialog.isPreviewReady());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("score"));
    auto *scoreType = qobject_cast<QComboBox *>(table->cellWidget(ImportDialog::TypeRow, 1));
    QCOMPARE(scoreType->currentText(), QStringLiteral("TEXT")); // "1,5" is not a number
    QVERIFY(scoreType->findText(QStringLiteral("DATE")) >= 0);
    QVERIFY(scoreType->findText(QStringLiteral("DATETIME")) >= 0);
    QCOMPARE(qobject_cast<QComboBox *>(table->cellWidget(ImportDialog::TypeRow, 2))->currentText(),
             QStringLiteral("TEXT"));
    QCOMPARE(table->item(ImportDialog::FirstDataRow, 2)->text(), QStringLiteral("007"));
    QCOMPARE(table->item(ImportDialog::FirstDataRow + 1, 1)->text(), QStringLiteral("NULL"));
    QVERIFY(table->item(ImportDialog::FirstDataRow + 1, 1)->font().italic());
    auto *delimiter = dialog.findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
    QCOMPARE(delimiter->currentText(), QStringLiteral("semicolon (detected)"));

    // Choosing another delimiter reads the file again.
    delimiter->setCurrentIndex(delimiter->findText(QStringLiteral("comma")));
    QTRY_VERIFY(dialog.isPreviewReady());
    // The header "name;score;code" is one column, "Ann;1,5;007" two: the import would stop.
    QCOMPARE(table->columnCount(), 1);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QCOMPARE(error->text(), QStringLiteral("semi.csv: line 2: 2 fields where the header has 1"));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    auto *ragged = dialog.findChild<QComboBox *>(QStringLiteral("raggedCombo"));
    ragged->setCurrentIndex(ragged->findData(int(ImportOptions::RaggedRows::Skip)));
    QTRY_VERIFY(dialog.isPreviewReady());
    QVERIFY(error->text().isEmpty());
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    const ImportOptions options = dialog.options();
    QCOMPARE(options.delimiter, std::optional<QChar>(u','));
    QVERIFY(!options.header.has_value()); // still detected
    QCOMPARE(options.table, QStringLiteral("semi"));
}

void TestImportGui::dialogTypeChoiceIsEnforced()
{
    TempDatabase temp;
    const QString path = writeFile(QStringLiteral("codes.csv"), "code,n\n12,1\n34,2\n");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    acceptNextImportDialog([](ImportDialog *dialog) {
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("previewTable"));
        auto *type = qobject_cast<QComboBox *>(table->cellWidget(ImportDialog::TypeRow, 0));
        type->setCurrentIndex(type->findText(QStringLiteral("TEXT")));
    });
    QSignalSpy finished(window.importController(), &ImportController::finished);
    window.importController()->importFiles({path});
    QTRY_COMPARE(finished.count(), 1);
    const TableInfo codes = SchemaReader::require(temp.db(), QStringLiteral("codes"));
    QCOMPARE(codes.column(QStringLiteral("code"))->declaredType, QStringLiteral("TEXT"));
    QCOMPARE(codes.column(QStringLiteral("n"))->declaredType, QStringLiteral("INTEGER"));
}

void TestImportGui::cancelWritesNothing()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE keep (v)")});
    QByteArray csv("id,text\n");
    for (int i = 0; i < 400000; ++i)
        csv += QByteArray::number(i) + ",some text for row " + QByteArray::number(i) + "\n";
    const QString path = writeFile(QStringLiteral("huge.csv"), csv);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    ImportController *controller = window.importController();
    QSignalSpy finished(controller, &ImportController::finished);
    controller->run({{path, ImportOptions()}});
    QVERIFY(controller->isRunning());
    QProgressBar *progress = nullptr;
    for (QProgressBar *bar : window.statusBar()->findChildren<QProgressBar *>()) {
        if (bar->format().startsWith(QLatin1String("Importing")))
            progress = bar;
    }
    QVERIFY(progress && progress->isVisible());
    // The window stays usable while it runs: events are processed, the tree answers.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
    QCOMPARE(window.schemaModel()->rowCount(), 1);
    controller->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const auto outcome = finished.first().first().value<ImportController::Outcome>();
    QVERIFY(outcome.cancelled);
    QVERIFY(outcome.results.isEmpty());
    QVERIFY(!progress->isVisible());
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("cancelled")));
    QVERIFY(!SchemaReader::read(temp.db(), QStringLiteral("huge")).has_value());
}

void TestImportGui::failedFileIsExplained()
{
    TempDatabase temp;
    const QString bad = writeFile(QStringLiteral("bad.csv"), "a,b\n1,2\n3\n");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    QSignalSpy finished(window.importController(), &ImportController::finished);
    dismissNextMessageBox();
    window.importController()->run({{bad, ImportOptions()}});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const auto outcome = finished.first().first().value<ImportController::Outcome>();
    QCOMPARE(outcome.errors.size(), 1);
    QVERIFY2(outcome.errors.first().contains(
                 QLatin1String("bad.csv: line 3: 1 fields where the header has 2")),
             qPrintable(outcome.errors.first()));
    QVERIFY(!SchemaReader::read(temp.db(), QStringLiteral("bad")).has_value());
}

void TestImportGui::aReplacedTableIsNoLongerGenerated()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a, b)"),
                       QStringLiteral("INSERT INTO t VALUES (1, 2), (3, 4)")});
    const GeneratedRows generated; // as a generation would have remembered them
    generated.add(temp.path(), QStringLiteral("t"), 1, 2);
    const QString file = writeFile(QStringLiteral("fresh.csv"), "a,b\n5,6\n7,8\n9,10\n");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    QSignalSpy finished(window.importController(), &ImportController::finished);
    ImportOptions options;
    options.table = QStringLiteral("t");
    options.ifExists = ImportOptions::IfExists::Replace;
    window.importController()->run({{file, options}});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(a) FROM t")).toString(),
             QStringLiteral("5,7,9"));
    // The rows at rowids 1 and 2 are the file's now, to be learned from.
    QVERIFY(generated.of(temp.path(), QStringLiteral("t")).isEmpty());
}

void TestImportGui::columnsRenamedSkippedAndAFailureAsksAgain()
{
    TempDatabase temp;
    // An age past the preview's rows is no number: forced to REAL, the first try fails.
    QByteArray csv("Full Name,age,secret\n");
    for (int i = 1; i <= 300; ++i)
        csv +=
            "P" + QByteArray::number(i) + "," + (i == 250 ? "n/a" : QByteArray::number(i)) + ",s\n";
    const QString path = writeFile(QStringLiteral("staff.csv"), csv);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    auto previewOf = [](ImportDialog *dialog) {
        return dialog->findChild<QTableWidget *>(QStringLiteral("previewTable"));
    };
    auto typeOf = [&](ImportDialog *dialog, int column) {
        return qobject_cast<QComboBox *>(
            previewOf(dialog)->cellWidget(ImportDialog::TypeRow, column));
    };
    acceptNextImportDialog([&](ImportDialog *dialog) {
        QTableWidget *table = previewOf(dialog);
        QCOMPARE(table->verticalHeaderItem(ImportDialog::NameRow)->text(), QStringLiteral("Name"));
        QCOMPARE(typeOf(dialog, 1)->currentText(), QStringLiteral("INTEGER"));
        auto *name = qobject_cast<QLineEdit *>(table->cellWidget(ImportDialog::NameRow, 0));
        name->setText(QStringLiteral("name"));
        typeOf(dialog, 2)->setCurrentIndex(typeOf(dialog, 2)->findData(ImportDialog::SkipColumn));
        QVERIFY(!table->cellWidget(ImportDialog::NameRow, 2)->isEnabled());
        typeOf(dialog, 1)->setCurrentIndex(typeOf(dialog, 1)->findText(QStringLiteral("REAL")));
        dialog->findChild<QComboBox *>(QStringLiteral("tableCombo"))
            ->setEditText(QStringLiteral("people"));
    });
    // The dialog comes back as it was, saying why; the age as TEXT lets it through.
    QString failure;
    ImportOptions restored;
    acceptNextImportDialog([&](ImportDialog *dialog) {
        failure = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
        restored = dialog->options();
        if (const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(shots + QStringLiteral("/import-failed-again.png"));
        typeOf(dialog, 1)->setCurrentIndex(typeOf(dialog, 1)->findText(QStringLiteral("TEXT")));
    });
    QSignalSpy finished(window.importController(), &ImportController::finished);
    window.importController()->importFiles({path});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(failure, QStringLiteral("The import failed and wrote nothing: staff.csv: line 251, "
                                     "column \"age\": \"n/a\" is not REAL. Change the settings and "
                                     "import again."));
    QCOMPARE(restored.table, QStringLiteral("people"));
    QCOMPARE(restored.columnNames.value(QStringLiteral("Full Name")), QStringLiteral("name"));
    QCOMPARE(restored.skippedColumns, QSet<QString>{QStringLiteral("secret")});
    QCOMPARE(restored.columnTypes.value(QStringLiteral("age")), ColumnType::Real);
    const TableInfo people = SchemaReader::require(temp.db(), QStringLiteral("people"));
    QCOMPARE(people.columnNames(), (QStringList{QStringLiteral("name"), QStringLiteral("age")}));
    QCOMPARE(people.column(QStringLiteral("age"))->declaredType, QStringLiteral("TEXT"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 300);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT age FROM people WHERE name = 'P250'")).toString(),
             QStringLiteral("n/a"));
}

void TestImportGui::importAndTwoGenerationsAtOnceTakeTurns()
{
    // Two offline generations each hold the write lock for their whole run; an import started
    // meanwhile waits its turn, says so in the status bar, and all three land in full.
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY, city TEXT, n REAL)"),
         QStringLiteral("CREATE TABLE b (id INTEGER PRIMARY KEY, city TEXT, n REAL)")});
    const QStringList cities{QStringLiteral("Oslo"), QStringLiteral("Rome"),
                             QStringLiteral("Lima")};
    for (const char *table : {"a", "b"}) {
        for (int i = 0; i < 100; ++i)
            temp.exec(QStringLiteral("INSERT INTO %1 (city, n) VALUES (?, ?)").arg(table),
                      {cities[i % 3], std::fmod(i * 97.531, 10000.0)});
    }
    QByteArray csv("id,text\n");
    for (int i = 0; i < 200000; ++i)
        csv += QByteArray::number(i) + ",row " + QByteArray::number(i) + "\n";
    const QString path = writeFile(QStringLiteral("meanwhile.csv"), csv);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    QStringList messages;
    connect(window.statusBar(), &QStatusBar::messageChanged, this,
            [&messages](const QString &text) { messages << text; });
    QSignalSpy generated(window.generationController(), &GenerationController::finished);
    QSignalSpy imported(window.importController(), &ImportController::finished);
    GenerationOptions options;
    options.llm.provider = LlmSettings::Provider::Offline;
    options.rows = 300000;
    options.fidelityReport = false;
    window.generationController()->generateWith(QStringLiteral("a"), options);
    window.generationController()->generateWith(QStringLiteral("b"), options);
    window.importController()->run({{path, ImportOptions()}});
    QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 2, 120000);
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 120000);
    for (const QList<QVariant> &signal : generated) {
        const auto outcome = signal.first().value<GenerationController::Outcome>();
        QVERIFY2(outcome.error.isEmpty() && !outcome.cancelled, qPrintable(outcome.error));
    }
    QVERIFY(imported.first().first().value<ImportController::Outcome>().errors.isEmpty());
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM a")).toInt(), 300100);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM b")).toInt(), 300100);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM meanwhile")).toInt(), 200000);
    const QStringList waits =
        messages.filter(QRegularExpression(QStringLiteral("^Waiting for the generation on [ab] "
                                                          "to finish before ")));
    QVERIFY2(!waits.isEmpty(), qPrintable(messages.join(u'\n')));
}

QTEST_MAIN(TestImportGui)
#include "tst_ImportGui.moc"
