#include "GenerationSettingsDialog.h"

#include "ui_GenerationSettingsDialog.h"

#include "GenerationSettings.h"
#include "KeyStore.h"
#include "generate/GenerationOptions.h"
#include "llm/LlmSettings.h"

#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "util/RowforgeError.h"
#include "util/TaskPools.h"

#include <QCompleter>
#include <QFutureWatcher>
#include <QPushButton>
#include <QStringListModel>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// Local servers and where they listen by default (shared/docs/llm-wire-formats.md).
struct ServerPreset
{
    const char *name;
    const char *baseUrl;
};
constexpr ServerPreset ServerPresets[] = {
    {"Ollama", "http://localhost:11434/v1"},
    {"llama.cpp server", "http://127.0.0.1:8080/v1"},
    {"LM Studio", "http://localhost:1234/v1"},
};
} // namespace

GenerationSettingsDialog::GenerationSettingsDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::GenerationSettingsDialog>())
{
    m_ui->setupUi(this);
    for (const QString &provider : ProviderResolver::providerNames())
        m_ui->providerCombo->addItem(GenerationSettings::providerLabel(provider), provider);
    connect(KeyStore::instance(), &KeyStore::stateChanged, this,
            &GenerationSettingsDialog::updateForProvider);
    const GenerationSettings settings = GenerationSettings::load();
    m_ui->providerCombo->setCurrentIndex(
        std::max(0, m_ui->providerCombo->findData(settings.provider)));
    m_models = settings.models;
    m_baseUrls = settings.baseUrls;
    m_shownProvider = m_ui->providerCombo->currentData().toString();
    m_ui->modelEdit->setText(m_models.value(m_shownProvider));
    m_ui->baseUrlEdit->setText(m_baseUrls.value(m_shownProvider));
    m_ui->rowsSpin->setValue(settings.rows);
    const int ollamaContext = qEnvironmentVariableIntValue("OLLAMA_CONTEXT_LENGTH");
    m_ui->contextSpin->setSpecialValueText(
        ollamaContext > 0 ? tr("Auto (%1 tokens, from OLLAMA_CONTEXT_LENGTH)").arg(ollamaContext)
                          : tr("Auto (4096 tokens, Ollama's default)"));
    m_ui->contextSpin->setValue(settings.contextTokens);
    for (const ServerPreset &preset : ServerPresets)
        m_ui->serverCombo->addItem(QString::fromLatin1(preset.name),
                                   QString::fromLatin1(preset.baseUrl));
    m_ui->serverCombo->addItem(tr("Other server"), QString());
    selectServerPreset();
    connect(m_ui->serverCombo, &QComboBox::activated, this,
            &GenerationSettingsDialog::applyServerPreset);
    connect(m_ui->baseUrlEdit, &QLineEdit::textEdited, this,
            &GenerationSettingsDialog::selectServerPreset);
    connect(m_ui->listModelsButton, &QPushButton::clicked, this,
            &GenerationSettingsDialog::listModels);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_ui->modelEdit->setCompleter(completer);
    m_ui->temperatureSpin->setValue(settings.temperature);
    m_ui->timeoutSpin->setValue(settings.timeoutSeconds);
    m_ui->shareCombo->addItem(tr("The schema only"), QStringLiteral("schema"));
    m_ui->shareCombo->addItem(tr("Schema and statistics, no values"), QStringLiteral("stats"));
    m_ui->shareCombo->addItem(tr("Schema, statistics and frequent values"),
                              QStringLiteral("values"));
    m_ui->shareCombo->addItem(tr("All that, and a few sample rows"), QStringLiteral("rows"));
    m_ui->shareCombo->setCurrentIndex(std::max(0, m_ui->shareCombo->findData(settings.share)));
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this,
            &GenerationSettingsDialog::updateForProvider);
    connect(m_ui->shareCombo, &QComboBox::currentIndexChanged, this,
            &GenerationSettingsDialog::updatePrivacyNote);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &GenerationSettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateForProvider();
}

GenerationSettingsDialog::~GenerationSettingsDialog() = default;

QString GenerationSettingsDialog::keyProvider() const
{
    const QString provider = m_ui->providerCombo->currentData().toString();
    return provider == QLatin1String("anthropic") || provider == QLatin1String("openai-compatible")
               ? provider
               : QStringLiteral("openai");
}

void GenerationSettingsDialog::keepShownFields()
{
    if (m_shownProvider.isEmpty() || m_shownProvider == QLatin1String("auto") ||
        m_shownProvider == QLatin1String("offline"))
        return;
    m_models.insert(m_shownProvider, m_ui->modelEdit->text().trimmed());
    m_baseUrls.insert(m_shownProvider, m_ui->baseUrlEdit->text().trimmed());
}

void GenerationSettingsDialog::updateForProvider()
{
    const QString provider = m_ui->providerCombo->currentData().toString();
    // Each provider shows its own model and base URL.
    if (provider != m_shownProvider) {
        keepShownFields();
        m_shownProvider = provider;
        m_ui->modelEdit->setText(m_models.value(provider));
        m_ui->baseUrlEdit->setText(m_baseUrls.value(provider));
        selectServerPreset();
        m_ui->modelsNote->clear();
        static_cast<QStringListModel *>(m_ui->modelEdit->completer()->model())->setStringList({});
    }
    // Presets and the context window are a local server's; offline has no models to list.
    const bool local = provider == QLatin1String("openai-compatible");
    m_ui->serverCombo->setVisible(local);
    m_ui->contextLabel->setVisible(local);
    m_ui->contextSpin->setVisible(local);
    m_ui->listModelsButton->setEnabled(!m_listing && provider != QLatin1String("offline"));
    const bool anthropic = provider == QLatin1String("anthropic");
    const QString variable =
        anthropic ? QStringLiteral("ANTHROPIC_API_KEY") : QStringLiteral("OPENAI_API_KEY");
    m_ui->modelEdit->setPlaceholderText(LlmSettings::defaultModel(
        anthropic                                        ? LlmSettings::Provider::Anthropic
        : provider == QLatin1String("openai-compatible") ? LlmSettings::Provider::OpenAICompatible
                                                         : LlmSettings::Provider::OpenAI));
    m_ui->keyEdit->setText(GenerationSettings::sessionKey(keyProvider()));
    if (provider == QLatin1String("openai-compatible")) {
        // The OpenAI key is never sent to another host: a local server gets only its own.
        m_ui->keyEdit->setPlaceholderText(tr("none (most local servers need none)"));
        m_ui->keyNote->setText(tr("%1; it is sent to this server only, and OPENAI_API_KEY "
                                  "never is.")
                                   .arg(KeyStore::instance()->status()));
    } else {
        m_ui->keyEdit->setPlaceholderText(qEnvironmentVariableIsEmpty(qPrintable(variable))
                                              ? tr("not set")
                                              : tr("from %1").arg(variable));
        m_ui->keyNote->setText(tr("%1, never in the settings, the database or a log. %2 in the "
                                  "environment works as in the official SDKs.")
                                   .arg(KeyStore::instance()->status(), variable));
    }
    updatePrivacyNote();
}

// Only the note changes here: the key field keeps what the user typed.
void GenerationSettingsDialog::updatePrivacyNote()
{
    // Made from the choice, so that it is true: the same words as `generate --share`.
    if (m_ui->providerCombo->currentData().toString() == QLatin1String("offline")) {
        m_ui->privacyNote->setText(tr("Nothing leaves this computer: offline generation learns "
                                      "from the table here."));
        return;
    }
    const GenerationOptions::Share share = GenerationOptions::Share(std::max<qsizetype>(
        0, GenerationOptions::shareNames().indexOf(m_ui->shareCombo->currentData().toString())));
    m_ui->privacyNote->setText(
        tr("What leaves this computer for %1: %2")
            .arg(m_ui->providerCombo->currentText(), GenerationOptions::shareSentence(share)));
}

void GenerationSettingsDialog::accept()
{
    GenerationSettings settings = GenerationSettings::load(); // keeps what the dialog does not show
    settings.provider = m_ui->providerCombo->currentData().toString();
    keepShownFields();
    settings.models = m_models;
    settings.baseUrls = m_baseUrls;
    settings.rows = m_ui->rowsSpin->value();
    settings.contextTokens = m_ui->contextSpin->value();
    settings.temperature = m_ui->temperatureSpin->value();
    settings.timeoutSeconds = m_ui->timeoutSpin->value();
    settings.share = m_ui->shareCombo->currentData().toString();
    settings.save();
    const QString key = m_ui->keyEdit->text().trimmed();
    if (key != GenerationSettings::sessionKey(keyProvider()))
        KeyStore::instance()->store(keyProvider(), key);
    GenerationSettings::setSessionKey(keyProvider(), key);
    QDialog::accept();
}

void GenerationSettingsDialog::applyServerPreset(int index)
{
    const QString url = m_ui->serverCombo->itemData(index).toString();
    if (url.isEmpty())
        return; // "Other server": the URL stays as typed
    m_ui->baseUrlEdit->setText(url);
    if (m_ui->modelEdit->text().isEmpty())
        m_ui->modelEdit->setFocus();
}

void GenerationSettingsDialog::selectServerPreset()
{
    const int index = m_ui->serverCombo->findData(m_ui->baseUrlEdit->text().trimmed());
    m_ui->serverCombo->setCurrentIndex(index >= 0 ? index : m_ui->serverCombo->count() - 1);
}

void GenerationSettingsDialog::listModels()
{
    ProviderResolver::Choice choice;
    choice.provider = m_ui->providerCombo->currentData().toString();
    choice.baseUrl = m_ui->baseUrlEdit->text().trimmed();
    choice.model = m_ui->modelEdit->text().trimmed();
    const QString key = m_ui->keyEdit->text().trimmed();
    choice.openAiKey = choice.anthropicKey = choice.compatibleKey = key;
    LlmSettings settings;
    try {
        settings = ProviderResolver::resolve(choice);
    } catch (const RowforgeError &error) {
        showModels({}, error.message());
        return;
    }
    if (settings.provider == LlmSettings::Provider::Offline) {
        showModels({}, tr("Offline generation uses no model."));
        return;
    }
    settings.timeoutMs = 10000;
    settings.maxRetries = 0;
    m_listing = true;
    m_ui->listModelsButton->setEnabled(false);
    m_ui->modelsNote->setText(tr("Asking %1 for its models…").arg(settings.displayName()));
    auto *watcher = new QFutureWatcher<QPair<QStringList, QString>>(this);
    connect(watcher, &QFutureWatcher<QPair<QStringList, QString>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_listing = false;
        const auto [models, error] = watcher->result();
        showModels(models, error);
        m_ui->listModelsButton->setEnabled(m_ui->providerCombo->currentData().toString() !=
                                           QLatin1String("offline"));
    });
    watcher->setFuture(QtConcurrent::run(TaskPools::longRunning(), [settings] {
        try {
            LlmClient client(settings);
            return qMakePair(client.listModels(), QString());
        } catch (const RowforgeError &error) {
            return qMakePair(QStringList(), error.message());
        }
    }));
}

void GenerationSettingsDialog::showModels(const QStringList &models, const QString &error)
{
    if (!error.isEmpty()) {
        const bool local =
            m_ui->providerCombo->currentData().toString() == QLatin1String("openai-compatible");
        m_ui->modelsNote->setText(
            local && error.startsWith(QLatin1String("Cannot reach"))
                ? tr("%1 — is the server running? Ollama: start it with “ollama serve” and "
                     "fetch a model with “ollama pull llama3.2”.")
                      .arg(error)
                : error);
        return;
    }
    if (models.isEmpty()) {
        m_ui->modelsNote->setText(tr("The server offers no models yet (Ollama: “ollama pull "
                                     "llama3.2”)."));
        return;
    }
    m_ui->modelsNote->setText(models.size() == 1
                                  ? tr("The server offers 1 model.")
                                  : tr("The server offers %1 models.").arg(models.size()));
    static_cast<QStringListModel *>(m_ui->modelEdit->completer()->model())->setStringList(models);
    if (m_ui->modelEdit->text().isEmpty() && models.size() == 1)
        m_ui->modelEdit->setText(models.first());
    m_ui->modelEdit->setFocus();
    m_ui->modelEdit->completer()->complete();
}
