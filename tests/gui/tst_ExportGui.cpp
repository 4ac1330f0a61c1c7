#include "DatabaseSession.h"
#include "ExportController.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "TableActionsController.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

class TestExportGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportActionWritesTheSelectedTable();
    void optionsAreRemembered();
    void cancelLeavesNoFile();
    void unwritablePathIsExplained();
    void fileNamesFromHostileTableNames();

private:
    static void handleNextDialog(std::function<void(QDialog *)> handle);
    QTemporaryDir m_home;
};

void TestExportGui::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    AppIdentity::apply();
}

void TestExportGui::handleNextDialog(std::function<void(QDialog *)> handle)
{
    QTimer::singleShot(20, [handle] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return handleNextDialog(handle);
        handle(dialog);
    });
}

void TestExportGui::exportActionWritesTheSelectedTable()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE people (name TEXT, note TEXT)"),
                       QStringLiteral("INSERT INTO people VALUES ('Ann', NULL), ('Bo, Jr.', '')")});
    QSettings().setValue(QStringLiteral("export/folder"), temp.folder());
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("people"));
    QString proposed;
    handleNextDialog([&proposed](QDialog *dialog) {
        proposed = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->text();
        dialog->accept();
    });
    QSignalSpy finished(window.exportController(), &ExportController::finished);
    window.findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(proposed, temp.folder() + QStringLiteral("/people.csv"));
    QFile file(proposed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("name,note\nAnn,\n\"Bo, Jr.\",\"\"\n"));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(
                 QStringLiteral("Exported 2 rows from people to %1 in").arg(proposed)),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestExportGui::optionsAreRemembered()
{
    {
        ExportDialog dialog(QStringLiteral("t"));
        auto *delimiter = dialog.findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
        delimiter->setCurrentIndex(delimiter->findData(int(u';')));
        dialog.findChild<QComboBox *>(QStringLiteral("lineEndCombo"))->setCurrentIndex(1);
        dialog.findChild<QLineEdit *>(QStringLiteral("nullEdit"))->setText(QStringLiteral("\\N"));
        dialog.findChild<QCheckBox *>(QStringLiteral("bomCheck"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit"))
            ->setText(m_home.filePath(QStringLiteral("sub/x.csv")));
        dialog.accept();
    }
    ExportDialog again(QStringLiteral("orders"));
    const ExportOptions options = again.options();
    QCOMPARE(options.delimiter, QChar(u';'));
    QVERIFY(options.crlf);
    QCOMPARE(options.nullText, QStringLiteral("\\N"));
    QVERIFY(options.bom);
    QCOMPARE(again.path(), m_home.filePath(QStringLiteral("sub/orders.csv")));
    // A NULL marker that would break the file is refused.
    again.findChild<QLineEdit *>(QStringLiteral("nullEdit"))->setText(QStringLiteral("a;b"));
    QVERIFY(!again.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestExportGui::cancelLeavesNoFile()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, text TEXT)"),
         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 3000000) INSERT INTO big SELECT i, 'row ' || i FROM n")});
    const QString path = temp.folder() + QStringLiteral("/big.csv");
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    QSignalSpy finished(window.exportController(), &ExportController::finished);
    window.exportController()->run(QStringLiteral("big"), path, ExportOptions());
    QProgressBar *progress = nullptr;
    for (QProgressBar *bar : window.statusBar()->findChildren<QProgressBar *>()) {
        if (bar->format().startsWith(QLatin1String("Exporting")))
            progress = bar;
    }
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
    window.exportController()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(finished.first().first().value<ExportController::Outcome>().cancelled);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Export cancelled; no file was written"));
}

void TestExportGui::unwritablePathIsExplained()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)")});
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_VERIFY(window.session()->isOpen());
    QSignalSpy finished(window.exportController(), &ExportController::finished);
    QString shown;
    handleNextDialog([&shown](QDialog *dialog) {
        shown = qobject_cast<QMessageBox *>(dialog)->text();
        dialog->close();
    });
    const QString path = temp.folder() + QStringLiteral("/missing/folder/t.csv");
    window.exportController()->run(QStringLiteral("t"), path, ExportOptions());
    QTRY_COMPARE(finished.count(), 1);
    QTRY_VERIFY(shown.startsWith(QStringLiteral("Cannot write %1").arg(path)));
}

void TestExportGui::fileNamesFromHostileTableNames()
{
    QCOMPARE(ExportDialog::fileNameFor(QStringLiteral("a/b\\c:d")), QStringLiteral("a_b_c_d"));
    QCOMPARE(ExportDialog::fileNameFor(QStringLiteral("名前 list")), QStringLiteral("名前 list"));
    QCOMPARE(ExportDialog::fileNameFor(QStringLiteral("  ")), QStringLiteral("table"));
}

QTEST_MAIN(TestExportGui)
#include "tst_ExportGui.moc"
