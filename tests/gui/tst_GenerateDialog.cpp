#include "GenerateDialog.h"
#include "GenerationSettings.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabBar>
#include <QTableWidget>
#include <QtTest>

// Generate Data… used with the keyboard: one mnemonic per letter, Enter generates whatever
// button has the focus after a preview, readable provider names, the last row count kept.
class TestGenerateDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachMnemonicOnceAndReadableProviders();
    void afterAPreviewEnterGeneratesAndTheCountIsKept();

private:
    QTemporaryDir m_home;
};

void TestGenerateDialog::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("ANTHROPIC_API_KEY");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    AppIdentity::apply();
    GenerationSettings settings;
    settings.provider = QStringLiteral("offline");
    settings.save();
}

void TestGenerateDialog::eachMnemonicOnceAndReadableProviders()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)")});
    GenerateDialog dialog(temp.path(), QStringLiteral("t"));
    dialog.show();
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        texts << button->text();
    for (const QTabBar *tabs : dialog.findChildren<QTabBar *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    QHash<QChar, QString> taken;
    static const QRegularExpression mnemonic(QStringLiteral("(?<!&)&([^&])"));
    for (const QString &text : texts) {
        const QRegularExpressionMatch match = mnemonic.match(text);
        if (!match.hasMatch())
            continue;
        const QChar key = match.captured(1).at(0).toLower();
        QVERIFY2(!taken.contains(key), qPrintable(QStringLiteral("Alt+%1 is both \"%2\" and \"%3\"")
                                                      .arg(key, taken.value(key), text)));
        taken.insert(key, text);
    }
    QVERIFY2(taken.size() >= 8, qPrintable(QStringList(taken.values()).join(u',')));

    QStringList providers;
    for (int i = 0; i < dialog.providerBox()->count(); ++i)
        providers << dialog.providerBox()->itemText(i);
    QVERIFY2(providers.contains(QStringLiteral("OpenAI")) &&
                 providers.contains(QStringLiteral("Anthropic")) &&
                 !providers.contains(QStringLiteral("openai-compatible")),
             qPrintable(providers.join(u',')));
}

void TestGenerateDialog::afterAPreviewEnterGeneratesAndTheCountIsKept()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (city TEXT, n REAL)")});
    for (int i = 0; i < 60; ++i)
        temp.exec(QStringLiteral("INSERT INTO t VALUES (?, ?)"),
                  {i % 2 ? QStringLiteral("Oslo") : QStringLiteral("Rome"), i * 1.25});
    {
        GenerateDialog dialog(temp.path(), QStringLiteral("t"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.rowsBox()->setValue(250);
        QSignalSpy previewed(&dialog, &GenerateDialog::previewFinished);
        dialog.previewButton()->setFocus();
        QTest::keyClick(dialog.previewButton(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, 20000);
        QVERIFY(previewed.first().first().toBool());
        // The focus went to Cancel while the button was disabled; Enter then closed the dialog.
        QCOMPARE(QApplication::focusWidget(), dialog.previewButton());
        if (const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/generate-dialog.png"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    GenerateDialog again(temp.path(), QStringLiteral("t"));
    QCOMPARE(again.rowsBox()->value(), 250);

    // A provider without a key: its error does not stand under the offline preview's rows.
    again.show();
    QSignalSpy previewed(&again, &GenerateDialog::previewFinished);
    again.previewButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, 20000);
    QVERIFY(again.previewTable()->rowCount() > 0);
    again.providerBox()->setCurrentIndex(again.providerBox()->findText(QStringLiteral("OpenAI")));
    again.modeBox()->setCurrentIndex(again.modeBox()->findData(QStringLiteral("rows")));
    again.previewButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 2, 20000);
    QVERIFY(!previewed.last().first().toBool());
    QCOMPARE(again.previewTable()->rowCount(), 0);
    QCOMPARE(again.previewTable()->columnCount(), 0);
    QVERIFY2(again.statusLabel()->text().contains(QLatin1String("OPENAI_API_KEY")),
             qPrintable(again.statusLabel()->text()));
}

QTEST_MAIN(TestGenerateDialog)
#include "tst_GenerateDialog.moc"
