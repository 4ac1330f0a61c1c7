#include "GenerateDialog.h"

#include "FidelityReportView.h"
#include "GenerationSettings.h"
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "generate/GenerationPipeline.h"
#include "generate/RecipeGeneration.h"
#include "llm/LlmClient.h"
#include "llm/ProviderResolver.h"
#include "util/Background.h"
#include "util/RowforgeError.h"
#include "util/TaskPools.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

GenerateDialog::GenerateDialog(const QString &databasePath, const QString &table,
                               const QList<RelatedGeneration::Descendant> &related, QWidget *parent)
    : QDialog(parent), m_database(databasePath), m_table(table), m_related(related)
{
    setWindowTitle(tr("Generate Data for %1").arg(table));
    const GenerationSettings settings = GenerationSettings::load();
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_rows = new QSpinBox(this);
    m_rows->setRange(1, GenerationOptions::MaxRows);
    m_rows->setGroupSeparatorShown(true);
    m_rows->setValue(settings.rows);
    form->addRow(tr("&Rows to add:"), m_rows);
    m_provider = new QComboBox(this);
    for (const QString &name : ProviderResolver::providerNames())
        m_provider->addItem(GenerationSettings::providerLabel(name), name);
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(settings.provider)));
    form->addRow(tr("&Provider:"), m_provider);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Rows written by the LLM (up to 1,000)"), QStringLiteral("rows"));
    m_mode->addItem(tr("Recipe written by the LLM, rows made here"), QStringLiteral("recipe"));
    m_mode->addItem(tr("Offline: learned from the table, nothing leaves the computer"),
                    QStringLiteral("offline"));
    form->addRow(tr("&Mode:"), m_mode);
    // Offline has no model to ask (Auto without a key is Offline too): the mode follows.
    auto followProvider = [this] {
        GenerationSettings chosen = GenerationSettings::load();
        chosen.provider = m_provider->currentData().toString();
        bool offline = chosen.provider == QLatin1String("offline");
        try {
            offline = chosen.options().llm.provider == LlmSettings::Provider::Offline;
        } catch (const RowforgeError &) {
            // Shown when the options are used.
        }
        if (offline)
            m_mode->setCurrentIndex(m_mode->findData(QStringLiteral("offline")));
        m_mode->setEnabled(!offline);
    };
    connect(m_provider, &QComboBox::currentIndexChanged, this, followProvider);
    followProvider();
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setToolTip(tr("The same seed gives the same rows (recipe and offline modes)"));
    form->addRow(tr("&Seed:"), m_seed);
    layout->addLayout(form);
    if (!m_related.isEmpty()) {
        auto *group = new QGroupBox(
            tr("&Also grow the tables that point at %1 (each new row gets as many rows there as "
               "an existing one has; offline or recipe mode)")
                .arg(table),
            this);
        auto *groupLayout = new QVBoxLayout(group);
        for (const RelatedGeneration::Descendant &descendant : std::as_const(m_related)) {
            auto *box = new QCheckBox(
                tr("%1 (points at %2)").arg(descendant.table, descendant.parents.join(tr(", "))),
                group);
            groupLayout->addWidget(box);
            m_relatedBoxes << box;
            connect(box, &QCheckBox::toggled, this, &GenerateDialog::updateRelated);
        }
        layout->addWidget(group);
        updateRelated();
    }

    m_tabs = new QTabWidget(this);
    auto *previewPage = new QWidget(m_tabs);
    auto *previewLayout = new QVBoxLayout(previewPage);
    m_preview = new QTableWidget(previewPage);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAlternatingRowColors(true);
    // The rows above their report, the split movable: a fixed layout gave the rows two lines.
    auto *split = new QSplitter(Qt::Vertical, previewPage);
    split->setChildrenCollapsible(false);
    split->addWidget(m_preview);
    m_report = new FidelityReportView(previewPage);
    split->addWidget(m_report);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    previewLayout->addWidget(split);
    m_tabs->addTab(previewPage, tr("Pre&view"));
    auto *recipePage = new QWidget(m_tabs);
    auto *recipeLayout = new QVBoxLayout(recipePage);
    m_recipe = new QPlainTextEdit(recipePage);
    m_recipe->setPlaceholderText(
        tr("Show Recipe loads the recipe this run would use (see docs/recipes.md); edit it and "
           "tick \"Run this recipe\" to use your version."));
    m_recipe->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    recipeLayout->addWidget(m_recipe);
    auto *recipeButtons = new QHBoxLayout;
    m_loadRecipeButton = new QPushButton(tr("Sh&ow Recipe"), recipePage);
    m_loadRecipeButton->setAutoDefault(false);
    m_useRecipe = new QCheckBox(tr("Run &this recipe"), recipePage);
    recipeButtons->addWidget(m_loadRecipeButton);
    recipeButtons->addWidget(m_useRecipe);
    recipeButtons->addStretch();
    recipeLayout->addLayout(recipeButtons);
    m_tabs->addTab(recipePage, tr("Re&cipe"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Each mnemonic once (Alt+P was both Provider and Preview). Enter means Generate, whichever
    // button has the focus after a preview.
    m_previewButton = buttons->addButton(tr("Previe&w"), QDialogButtonBox::ActionRole);
    m_previewButton->setAutoDefault(false);
    QPushButton *generate = buttons->addButton(tr("&Generate"), QDialogButtonBox::AcceptRole);
    generate->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GenerateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GenerateDialog::reject);
    connect(m_previewButton, &QPushButton::clicked, this, &GenerateDialog::preview);
    connect(m_loadRecipeButton, &QPushButton::clicked, this, &GenerateDialog::loadRecipe);
    connect(m_recipe, &QPlainTextEdit::textChanged, this, [this] {
        if (m_recipe->hasFocus())
            m_useRecipe->setChecked(true);
    });
    resize(860, 720);
}

void GenerateDialog::updateRelated()
{
    QStringList grown{m_table};
    for (int i = 0; i < m_related.size(); ++i) {
        const bool parentGrown =
            std::any_of(m_related[i].parents.begin(), m_related[i].parents.end(),
                        [&](const QString &parent) { return grown.contains(parent); });
        m_relatedBoxes[i]->setEnabled(parentGrown);
        if (!parentGrown)
            m_relatedBoxes[i]->setChecked(false);
        if (m_relatedBoxes[i]->isChecked())
            grown << m_related[i].table;
    }
}

QStringList GenerateDialog::relatedTables() const
{
    QStringList tables;
    for (int i = 0; i < m_related.size(); ++i) {
        if (m_relatedBoxes[i]->isChecked())
            tables << m_related[i].table;
    }
    return tables;
}

QCheckBox *GenerateDialog::relatedBox(const QString &table) const
{
    for (int i = 0; i < m_related.size(); ++i) {
        if (m_related[i].table == table)
            return m_relatedBoxes[i];
    }
    return nullptr;
}

bool GenerateDialog::options(GenerationOptions *options)
{
    GenerationSettings settings = GenerationSettings::load();
    settings.provider = m_provider->currentData().toString();
    try {
        *options = settings.options();
    } catch (const RowforgeError &error) {
        showFailure(error.message());
        return false;
    }
    options->rows = m_rows->value();
    options->mode = GenerationOptions::modeFromName(m_mode->currentData().toString());
    options->seed = quint32(m_seed->value());
    if (m_useRecipe->isChecked()) {
        QJsonParseError error;
        options->recipe =
            QJsonDocument::fromJson(m_recipe->toPlainText().toUtf8(), &error).object();
        if (error.error != QJsonParseError::NoError || options->recipe.isEmpty()) {
            m_status->setText(tr("The recipe is not a JSON object: %1 (at character %2)")
                                  .arg(error.errorString(), QString::number(error.offset)));
            return false;
        }
    }
    if (options->effectiveMode() == GenerationOptions::Mode::Rows && options->recipe.isEmpty() &&
        options->rows > GenerationOptions::MaxRowsFromLlm) {
        m_status->setText(tr("An LLM writes at most %1 rows at a time; choose the recipe or "
                             "offline mode for more.")
                              .arg(QLocale().toString(GenerationOptions::MaxRowsFromLlm)));
        return false;
    }
    return true;
}

void GenerateDialog::setBusy(bool busy, const QString &text)
{
    if (busy && !m_busy)
        m_focusBeforeBusy = focusWidget();
    m_busy = busy;
    m_previewButton->setEnabled(!busy);
    m_loadRecipeButton->setEnabled(!busy);
    m_status->setText(text);
    if (!busy && m_focusBeforeBusy)
        m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
}

void GenerateDialog::showFailure(const QString &message)
{
    // An earlier preview would read as what these settings make: it goes with the error.
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_report->clear();
    m_status->setText(message);
}

void GenerateDialog::preview()
{
    GenerationOptions options;
    if (m_busy || !this->options(&options))
        return;
    options.rows = std::min(options.rows, PreviewRows);
    options.dryRun = true;
    setBusy(true, tr("Making %1 preview rows…").arg(options.rows));
    struct Outcome
    {
        GenerationResult result;
        QString error;
    };
    Background::run(
        this, TaskPools::longRunning(),
        [database = m_database, table = m_table, options] {
            Outcome outcome;
            try {
                DatabaseConnection connection(database);
                LlmClient client(options.llm);
                outcome.result =
                    GenerationPipeline::run(connection.database(), table, options, client);
            } catch (const RowforgeError &error) {
                outcome.error = error.message();
            }
            return outcome;
        },
        [this](const Outcome &outcome) {
            if (!outcome.error.isEmpty()) {
                setBusy(false, {});
                showFailure(outcome.error);
                Q_EMIT previewFinished(false);
                return;
            }
            const GenerationResult &result = outcome.result;
            QStringList columns;
            if (!result.validRows.isEmpty())
                columns = result.validRows.first().keys();
            // JSON objects sort their keys; show the table's order.
            if (!result.insertedColumns.isEmpty())
                columns = result.insertedColumns;
            m_preview->clear();
            m_preview->setColumnCount(int(columns.size()));
            m_preview->setHorizontalHeaderLabels(columns);
            m_preview->setRowCount(int(result.validRows.size()));
            for (int row = 0; row < result.validRows.size(); ++row) {
                for (int column = 0; column < columns.size(); ++column) {
                    const QJsonValue value = result.validRows[row].value(columns[column]);
                    auto *item = new QTableWidgetItem(
                        value.isNull() ? QStringLiteral("NULL") : value.toVariant().toString());
                    if (value.isNull())
                        item->setForeground(palette().color(QPalette::PlaceholderText));
                    m_preview->setItem(row, column, item);
                }
            }
            m_preview->resizeColumnsToContents();
            if (result.hasFidelity)
                m_report->setReport(result.fidelity);
            else
                m_report->clear();
            if (!result.recipe.isEmpty() && !m_useRecipe->isChecked())
                m_recipe->setPlainText(QString::fromUtf8(
                    QJsonDocument(result.recipe).toJson(QJsonDocument::Indented)));
            setBusy(false,
                    tr("Preview of %1 rows; nothing was written.").arg(result.validRows.size()));
            m_tabs->setCurrentIndex(0);
            Q_EMIT previewFinished(true);
        });
}

void GenerateDialog::loadRecipe()
{
    GenerationOptions options;
    if (m_busy || !this->options(&options))
        return;
    if (options.effectiveMode() == GenerationOptions::Mode::Rows)
        options.mode = GenerationOptions::Mode::Recipe;
    options.recipe = {};
    setBusy(true, tr("Getting the recipe…"));
    Background::run(
        this, TaskPools::longRunning(),
        [database = m_database, table = m_table, options]() -> std::pair<QJsonObject, QString> {
            try {
                DatabaseConnection connection(database);
                const TableInfo info = SchemaReader::require(connection.database(), table);
                LlmClient client(options.llm);
                QRandomGenerator random(options.seed ? options.seed : 1);
                GenerationResult usage;
                return {RecipeGeneration::recipeFor(connection.database(), info, options, client,
                                                    random, &usage),
                        QString()};
            } catch (const RowforgeError &error) {
                return {QJsonObject(), error.message()};
            }
        },
        [this](const std::pair<QJsonObject, QString> &outcome) {
            if (!outcome.second.isEmpty()) {
                setBusy(false, outcome.second);
                Q_EMIT recipeLoaded(false);
                return;
            }
            m_recipe->setPlainText(
                QString::fromUtf8(QJsonDocument(outcome.first).toJson(QJsonDocument::Indented)));
            m_tabs->setCurrentIndex(1);
            setBusy(false, tr("This is the recipe the run would use. Edit it and tick \"Run this "
                              "recipe\" to use your version."));
            Q_EMIT recipeLoaded(true);
        });
}

void GenerateDialog::accept()
{
    GenerationOptions options;
    if (!this->options(&options))
        return;
    if (!relatedTables().isEmpty()) {
        if (options.effectiveMode() == GenerationOptions::Mode::Rows) {
            m_status->setText(tr("Tables grown together are made offline or from recipes the "
                                 "LLM writes: choose one of those modes."));
            return;
        }
        if (!options.recipe.isEmpty()) {
            m_status->setText(tr("A recipe describes one table: untick \"Run this recipe\" to "
                                 "grow related tables, each from its own."));
            return;
        }
    }
    // The next Generate Data… starts from the count chosen last, not from 10 again.
    GenerationSettings settings = GenerationSettings::load();
    settings.rows = options.rows;
    settings.save();
    QDialog::accept();
}
