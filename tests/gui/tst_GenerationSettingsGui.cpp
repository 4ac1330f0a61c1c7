// The Generation Settings dialog as a user works it: API keys kept out of the settings
// file (in the keychain, or for the session only), and the local server presets that list a
// server's models and set its context window. A mock provider on 127.0.0.1.
#include "GenerationSettings.h"
#include "GenerationSettingsDialog.h"
#include "KeyStore.h"
#include "MockLlmServer.h"
#include "ProviderFreeHome.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

class TestGenerationSettingsGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void settingsDialogKeepsKeysOutOfTheSettingsFile();
    void localServerPresetsListModelsAndSetTheContext();

private:
    QTemporaryDir m_home;
};

void TestGenerationSettingsGui::initTestCase()
{
    useProviderFreeHome(m_home);
}

void TestGenerationSettingsGui::settingsDialogKeepsKeysOutOfTheSettingsFile()
{
    QSignalSpy stored(KeyStore::instance(), &KeyStore::stored);
    // A local server was set up before: its URL must not follow the switch to Anthropic.
    GenerationSettings local;
    local.provider = QStringLiteral("openai-compatible");
    local.baseUrls.insert(local.provider, QStringLiteral("http://127.0.0.1:9/v1"));
    local.save();
    {
        GenerationSettingsDialog dialog;
        auto *provider = dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"));
        auto *baseUrl = dialog.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
        QCOMPARE(baseUrl->text(), QStringLiteral("http://127.0.0.1:9/v1"));
        // Offline sends nothing, and the note says so.
        provider->setCurrentIndex(provider->findData(QStringLiteral("offline")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("privacyNote"))
                    ->text()
                    .startsWith(QLatin1String("Nothing leaves this computer")));
        provider->setCurrentIndex(provider->findData(QStringLiteral("anthropic")));
        QVERIFY(baseUrl->text().isEmpty());
        dialog.findChild<QLineEdit *>(QStringLiteral("keyEdit"))
            ->setText(QStringLiteral("sk-ant-secret-42"));
        dialog.findChild<QLineEdit *>(QStringLiteral("modelEdit"))
            ->setText(QStringLiteral("claude-test"));
        // Each level of what is shared says so in the note.
        auto *share = dialog.findChild<QComboBox *>(QStringLiteral("shareCombo"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("privacyNote"));
        const QStringList levels = GenerationOptions::shareNames();
        for (const QString &level : levels) {
            share->setCurrentIndex(share->findData(level));
            QVERIFY2(note->text().endsWith(GenerationOptions::shareSentence(
                         GenerationOptions::Share(levels.indexOf(level)))),
                     qPrintable(note->text()));
        }
        share->setCurrentIndex(share->findData(QStringLiteral("stats")));
        const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/generation-settings.png"));
        dialog.accept();
    }
    const GenerationSettings loaded = GenerationSettings::load();
    QCOMPARE(loaded.provider, QStringLiteral("anthropic"));
    QCOMPARE(loaded.models.value(QStringLiteral("anthropic")), QStringLiteral("claude-test"));
    QCOMPARE(GenerationSettings::sessionKey(QStringLiteral("anthropic")),
             QStringLiteral("sk-ant-secret-42"));
    const GenerationOptions options = loaded.options();
    QCOMPARE(options.llm.apiKey, QStringLiteral("sk-ant-secret-42"));
    QCOMPARE(options.share, GenerationOptions::Share::Stats);
    // The Anthropic key goes to Anthropic's own host, not to the local server's URL.
    QVERIFY(options.llm.baseUrl.isEmpty());
    QCOMPARE(loaded.baseUrls.value(QStringLiteral("openai-compatible")),
             QStringLiteral("http://127.0.0.1:9/v1"));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-ant-secret-42"));
    // Without a keychain the key stays in the session, and the dialog says so.
    QTRY_COMPARE(stored.count(), 1);
    QCOMPARE(stored.first().at(0).toString(), QStringLiteral("anthropic"));
    QCOMPARE(stored.first().at(1).toBool(), false);
    QCOMPARE(KeyStore::instance()->state(), KeyStore::State::Unavailable);
    GenerationSettingsDialog again;
    QVERIFY2(again.findChild<QLabel *>(QStringLiteral("keyNote"))
                 ->text()
                 .contains(QLatin1String("kept for this session only")),
             qPrintable(again.findChild<QLabel *>(QStringLiteral("keyNote"))->text()));
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("keyEdit"))->text(),
             QStringLiteral("sk-ant-secret-42"));
}

void TestGenerationSettingsGui::localServerPresetsListModelsAndSetTheContext()
{
    MockLlmServer server;
    server.setModels(
        {QStringLiteral("qwen2.5:7b"), QStringLiteral("llama3.2"), QStringLiteral("mistral")});
    GenerationSettingsDialog dialog;
    dialog.show();
    auto *provider = dialog.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    auto *presets = dialog.findChild<QComboBox *>(QStringLiteral("serverCombo"));
    auto *baseUrl = dialog.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
    auto *model = dialog.findChild<QLineEdit *>(QStringLiteral("modelEdit"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("modelsNote"));
    auto *context = dialog.findChild<QSpinBox *>(QStringLiteral("contextSpin"));
    auto *list = dialog.findChild<QPushButton *>(QStringLiteral("listModelsButton"));
    // Presets and the context window belong to local servers only.
    provider->setCurrentIndex(provider->findData(QStringLiteral("openai")));
    QVERIFY(!presets->isVisible() && !context->isVisible());
    provider->setCurrentIndex(provider->findData(QStringLiteral("openai-compatible")));
    QVERIFY(presets->isVisible() && context->isVisible());
    presets->setCurrentIndex(presets->findText(QStringLiteral("Ollama")));
    Q_EMIT presets->activated(presets->currentIndex());
    QCOMPARE(baseUrl->text(), QStringLiteral("http://localhost:11434/v1"));
    QVERIFY(context->text().startsWith(QLatin1String("Auto (4096 tokens")));

    // Nothing listening: the note says how to start Ollama.
    baseUrl->setText(QStringLiteral("http://127.0.0.1:9/v1"));
    list->click();
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QLatin1String("ollama serve")), 15000);
    QVERIFY(list->isEnabled());

    // A server that answers: its models, sorted, complete the model field.
    baseUrl->setText(server.baseUrl() + QStringLiteral("/v1"));
    Q_EMIT baseUrl->textEdited(baseUrl->text());
    QCOMPARE(presets->currentText(), QStringLiteral("Other server"));
    model->clear();
    list->click();
    QTRY_COMPARE_WITH_TIMEOUT(note->text(), QStringLiteral("The server offers 3 models."), 15000);
    QCOMPARE(server.requests().last().path, QByteArray("/v1/models"));
    // The OpenAI key never goes to a local server.
    QCOMPARE(server.requests().last().headers.value("authorization"), QByteArray("Bearer local"));
    auto *completions = model->completer()->model();
    QCOMPARE(completions->rowCount(), 3);
    QCOMPARE(completions->index(0, 0).data().toString(), QStringLiteral("llama3.2"));
    const QString shots = qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        dialog.grab().save(shots + QStringLiteral("/local-server-settings.png"));
    QTest::keyClick(model->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(model->completer()->popup(), Qt::Key_Return);
    QCOMPARE(model->text(), QStringLiteral("llama3.2"));
    context->setValue(16384);
    dialog.accept();
    const GenerationSettings loaded = GenerationSettings::load();
    QCOMPARE(loaded.contextTokens, 16384);
    QCOMPARE(loaded.models.value(QStringLiteral("openai-compatible")), QStringLiteral("llama3.2"));
    const GenerationOptions options = loaded.options();
    QCOMPARE(options.llm.contextTokens, 16384);
    QCOMPARE(options.llm.model, QStringLiteral("llama3.2"));
}

QTEST_MAIN(TestGenerationSettingsGui)
#include "tst_GenerationSettingsGui.moc"
