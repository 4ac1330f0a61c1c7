#include "GenerationSettingsDialog.h"

#include "ui_GenerationSettingsDialog.h"

#include "GenerationSettings.h"
#include "KeyStore.h"
#include "generate/GenerationOptions.h"
#include "llm/LlmSettings.h"

#include <QPushButton>

GenerationSettingsDialog::GenerationSettingsDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::GenerationSettingsDialog>())
{
    m_ui->setupUi(this);
    m_ui->providerCombo->addItem(tr("Auto (OpenAI if it has a key, else Anthropic, else Offline)"),
                                 QStringLiteral("auto"));
    m_ui->providerCombo->addItem(tr("OpenAI"), QStringLiteral("openai"));
    m_ui->providerCombo->addItem(tr("Anthropic"), QStringLiteral("anthropic"));
    m_ui->providerCombo->addItem(tr("OpenAI-compatible server (Ollama, llama.cpp, LM Studio)"),
                                 QStringLiteral("openai-compatible"));
    m_ui->providerCombo->addItem(tr("Offline (no LLM: learned from the table)"),
                                 QStringLiteral("offline"));
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
    }
    const bool anthropic = provider == QLatin1String("anthropic");
    const QString variable =
        anthropic ? QStringLiteral("ANTHROPIC_API_KEY") : QStringLiteral("OPENAI_API_KEY");
    m_ui->modelEdit->setPlaceholderText(LlmSettings::defaultModel(
        anthropic                                        ? LlmSettings::Provider::Anthropic
        : provider == QLatin1String("openai-compatible") ? LlmSettings::Provider::OpenAICompatible
                                                         : LlmSettings::Provider::OpenAI));
    m_ui->keyEdit->setText(GenerationSettings::sessionKey(keyProvider()));
    m_ui->keyEdit->setPlaceholderText(qEnvironmentVariableIsEmpty(qPrintable(variable))
                                          ? tr("not set")
                                          : tr("from %1").arg(variable));
    m_ui->keyNote->setText(tr("%1, never in the settings, the database or a log. %2 in the "
                              "environment works as in the official SDKs.")
                               .arg(KeyStore::instance()->status(), variable));
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
