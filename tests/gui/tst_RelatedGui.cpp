// Generate Data… with related tables: the tables that point at the selected one are offered,
// each once its parent is ticked; ticking orders grows customers and their orders in one run,
// with a report per table (children per parent on the parent's), and Undo takes the children
// off first.
#include "DatabaseSession.h"
#include "FidelityReportView.h"
#include "GenerateDialog.h"
#include "GenerationController.h"
#include "GenerationSettings.h"
#include "MainWindow.h"
#include "SchemaTreeModel.h"
#include "TableActionsController.h"
#include "TempDatabase.h"
#include "db/DemoSeeder.h"
#include "util/AppIdentity.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

namespace {
void clickGenerate(GenerateDialog &dialog)
{
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("&Generate"))
            QTest::mouseClick(button, Qt::LeftButton);
    }
}
} // namespace

class TestRelatedGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void childTablesAreOfferedOnceTheirParentIsTicked();
    void customersGrowWithTheirOrders();

private:
    // The demo's customers and orders, and order lines that point at orders.
    static void seed(TempDatabase &temp);
    QTemporaryDir m_home;
};

void TestRelatedGui::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("ANTHROPIC_API_KEY");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    AppIdentity::apply();
    GenerationSettings settings;
    settings.provider = QStringLiteral("offline");
    settings.save();
}

void TestRelatedGui::seed(TempDatabase &temp)
{
    DemoSeeder::seed(temp.db());
    temp.exec(QStringLiteral("CREATE TABLE lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT "
                             "NULL REFERENCES orders (id), sku TEXT NOT NULL)"));
    temp.exec(QStringLiteral("INSERT INTO lines (order_id, sku) SELECT id, 'SKU-' || (id % 7) "
                             "FROM orders WHERE id % 3 > 0"));
}

void TestRelatedGui::childTablesAreOfferedOnceTheirParentIsTicked()
{
    TempDatabase temp;
    seed(temp);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("lines")), 400);
    const QList<RelatedGeneration::Descendant> related =
        RelatedGeneration::descendants(window.session()->tables(), QStringLiteral("customers"));
    QCOMPARE(related.size(), 2);
    QCOMPARE(related[0].table, QStringLiteral("orders"));
    QCOMPARE(related[1].table, QStringLiteral("lines"));
    QCOMPARE(related[1].parents, QStringList{QStringLiteral("orders")});

    GenerateDialog dialog(temp.path(), QStringLiteral("customers"), related);
    dialog.show();
    QCheckBox *orders = dialog.relatedBox(QStringLiteral("orders"));
    QCheckBox *lines = dialog.relatedBox(QStringLiteral("lines"));
    QVERIFY(orders && lines);
    QVERIFY(orders->isEnabled());
    QVERIFY(!lines->isEnabled()); // its parent is not grown yet
    orders->setChecked(true);
    QVERIFY(lines->isEnabled());
    lines->setChecked(true);
    QCOMPARE(dialog.relatedTables(),
             (QStringList{QStringLiteral("orders"), QStringLiteral("lines")}));
    orders->setChecked(false);
    QVERIFY(!lines->isChecked());
    QVERIFY(!lines->isEnabled());
    QVERIFY(dialog.relatedTables().isEmpty());

    // Rows written by an LLM are one table's: the dialog says which modes grow several.
    orders->setChecked(true);
    dialog.providerBox()->setCurrentIndex(dialog.providerBox()->findData(QStringLiteral("openai")));
    GenerationSettings::setSessionKey(QStringLiteral("openai"), QStringLiteral("sk-x"));
    dialog.modeBox()->setCurrentIndex(dialog.modeBox()->findData(QStringLiteral("rows")));
    clickGenerate(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("offline or from recipes")),
             qPrintable(dialog.statusLabel()->text()));
    if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                           QStringLiteral("/generate-related.png"));
}

void TestRelatedGui::customersGrowWithTheirOrders()
{
    TempDatabase temp;
    seed(temp);
    MainWindow window;
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.schemaModel()->rowCountOf(QStringLiteral("orders")), 600);
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("customers"));
    QSignalSpy finished(window.generationController(), &GenerationController::finished);
    QSignalSpy generating(window.generationController(), &GenerationController::generatingChanged);

    // Generate Data… as a person uses it: tick orders, 300 rows, offline, seed 5, Generate.
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<GenerateDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->relatedBox(QStringLiteral("orders"))->setChecked(true);
        dialog->rowsBox()->setValue(300);
        dialog->providerBox()->setCurrentIndex(
            dialog->providerBox()->findData(QStringLiteral("offline")));
        dialog->seedBox()->setValue(5);
        clickGenerate(*dialog);
        answered = true;
    });
    window.findChild<QAction *>(QStringLiteral("generateDialogAction"))->trigger();
    QVERIFY(answered);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const auto outcome = finished.first().first().value<GenerationController::Outcome>();
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    // Both tables were marked busy, and free again.
    QStringList busy;
    for (const QList<QVariant> &change : std::as_const(generating)) {
        if (change[1].toBool())
            busy << change[0].toString();
    }
    QCOMPARE(busy, (QStringList{QStringLiteral("customers"), QStringLiteral("orders")}));
    QVERIFY(!window.generationController()->isGenerating(QStringLiteral("orders")));

    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt(), 500);
    const int orders = temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt();
    QCOMPARE(outcome.grownWith.size(), 1);
    QCOMPARE(orders, 600 + outcome.grownWith.first().inserted);
    // About three orders per new customer, as the real ones have, and every key valid.
    QVERIFY2(orders > 600 + 600 && orders < 600 + 1200, qPrintable(QString::number(orders)));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM lines")).toInt(), 400);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QLatin1String("Added 300 rows to customers")) &&
                 message.contains(QLatin1String("; Added ")) &&
                 message.contains(QLatin1String("rows to orders")),
             qPrintable(message));

    // One report per table; the customers' says how many orders the new ones got.
    QCOMPARE(window.generationController()->lastResults().size(), 2);
    const FidelityReport &report = window.generationController()->lastResults()[0].fidelity;
    QCOMPARE(report.children.size(), 1);
    QCOMPARE(report.children[0].table, QStringLiteral("orders"));
    QCOMPARE(report.children[0].syntheticParents, 300);
    QVERIFY(report.children[0].shape >= 0.8);
    // What the report dialog shows, read while it is open (checked once it is closed).
    QStringList tabTexts;
    int childRows = -1;
    QString childText;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        if (auto *tabs = dialog->findChild<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i)
                tabTexts << tabs->tabText(i);
            if (auto *view = qobject_cast<FidelityReportView *>(tabs->widget(0))) {
                childRows = view->childrenTable()->rowCount();
                if (childRows > 0)
                    childText = view->childrenTable()->item(0, 0)->text();
                if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR")) {
                    view->findChild<QTabWidget *>()->setCurrentWidget(view->childrenTable());
                    dialog->grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                                        QStringLiteral("/report-children.png"));
                }
            }
        }
        dialog->close();
    });
    window.findChild<QAction *>(QStringLiteral("fidelityReportAction"))->trigger();
    QCOMPARE(tabTexts, (QStringList{QStringLiteral("customers"), QStringLiteral("orders")}));
    QCOMPARE(childRows, 1);
    QVERIFY2(childText.startsWith(QLatin1String("orders (by customer_id)")), qPrintable(childText));

    // Undo takes the orders off first, then the customers.
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoGenerationAction"));
    QVERIFY(undo->text().contains(QLatin1String("in orders")));
    undo->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(),
                              600, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 30000);
    QVERIFY(undo->text().contains(QLatin1String("300 rows in customers")));
    undo->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(temp.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt(),
                              200, 30000);
}

QTEST_MAIN(TestRelatedGui)
#include "tst_RelatedGui.moc"
