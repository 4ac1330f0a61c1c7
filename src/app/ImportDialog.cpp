#include "ImportDialog.h"
#include "ui_ImportDialog.h"

#include "import/ImportNaming.h"
#include "util/Background.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFont>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPushButton>

namespace {
enum Detected { Auto = -1 };

QString delimiterName(QChar c)
{
    switch (c.unicode()) {
    case u',':
        return QObject::tr("comma");
    case u'\t':
        return QObject::tr("tab");
    case u';':
        return QObject::tr("semicolon");
    case u'|':
        return QObject::tr("pipe");
    default:
        return QStringLiteral("'%1'").arg(c);
    }
}

// Replaces the first ("detected") item's text, keeping the choice as it is.
void setDetectedText(QComboBox *combo, const QString &text)
{
    combo->setItemText(0, QObject::tr("%1 (detected)").arg(text));
}
} // namespace

ImportDialog::ImportDialog(const QStringList &files, const QStringList &tables, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ImportDialog>()), m_files(files)
{
    m_ui->setupUi(this);
    const QFileInfo first(files.first());
    setWindowTitle(tr("Import %1").arg(first.fileName()));
    m_ui->fileLabel->setText(
        tr("<b>%1</b> — %2")
            .arg(first.fileName().toHtmlEscaped(), QLocale().formattedDataSize(first.size())));
    const int others = int(files.size()) - 1;
    m_ui->applyToAllCheck->setVisible(others > 0);
    m_ui->applyToAllCheck->setText(
        others == 1
            ? tr("Import the other file the same way, into a table named after it")
            : tr("Import the other %1 files the same way, each into a table named after its "
                 "file")
                  .arg(others));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fillChoices(tables);
    m_ui->tableCombo->setEditText(ImportNaming::tableNameForFile(files.first()));
    for (QComboBox *combo :
         {m_ui->delimiterCombo, m_ui->encodingCombo, m_ui->headerCombo, m_ui->raggedCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    refreshPreview();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::fillChoices(const QStringList &tables)
{
    m_ui->tableCombo->addItems(tables);
    m_ui->modeCombo->addItem(tr("Create a new table"), int(ImportOptions::IfExists::Fail));
    m_ui->modeCombo->addItem(tr("Append to the existing table"),
                             int(ImportOptions::IfExists::Append));
    m_ui->modeCombo->addItem(tr("Replace the existing table"),
                             int(ImportOptions::IfExists::Replace));
    m_ui->raggedCombo->addItem(tr("Stop with an error"), int(ImportOptions::RaggedRows::Error));
    m_ui->raggedCombo->addItem(tr("Fill missing fields with NULL"),
                               int(ImportOptions::RaggedRows::Pad));
    m_ui->raggedCombo->addItem(tr("Skip them"), int(ImportOptions::RaggedRows::Skip));

    m_ui->delimiterCombo->addItem(tr("detected"), int(Auto));
    for (const QChar c : {u',', u'\t', u';', u'|'})
        m_ui->delimiterCombo->addItem(delimiterName(c), int(c.unicode()));
    m_ui->encodingCombo->addItem(tr("detected"), int(Auto));
    for (const TextEncoding::Kind kind : {TextEncoding::Utf8, TextEncoding::Utf16LE,
                                          TextEncoding::Utf16BE, TextEncoding::Windows1252})
        m_ui->encodingCombo->addItem(TextEncoding::name(kind), int(kind));
    m_ui->headerCombo->addItem(tr("detected"), int(Auto));
    m_ui->headerCombo->addItem(tr("Column names"), 1);
    m_ui->headerCombo->addItem(tr("Data"), 0);
}

ImportOptions ImportDialog::settings() const
{
    ImportOptions options;
    options.ifExists = ImportOptions::IfExists(m_ui->modeCombo->currentData().toInt());
    options.raggedRows = ImportOptions::RaggedRows(m_ui->raggedCombo->currentData().toInt());
    if (const int d = m_ui->delimiterCombo->currentData().toInt(); d != Auto)
        options.delimiter = QChar(char16_t(d));
    if (const int e = m_ui->encodingCombo->currentData().toInt(); e != Auto)
        options.encoding = TextEncoding::Kind(e);
    if (const int h = m_ui->headerCombo->currentData().toInt(); h != Auto)
        options.header = h == 1;
    return options;
}

ImportOptions ImportDialog::options() const
{
    ImportOptions options = settings();
    options.table = m_ui->tableCombo->currentText().trimmed();
    // Only the types the user changed are forced; the rest are inferred over the whole file.
    for (int column = 0; column < m_columns.size(); ++column) {
        const QString &detected = m_columns[column];
        auto *name = qobject_cast<QLineEdit *>(m_ui->previewTable->cellWidget(NameRow, column));
        auto *combo = qobject_cast<QComboBox *>(m_ui->previewTable->cellWidget(TypeRow, column));
        if (!name || !combo)
            continue;
        if (combo->currentData().toInt() == SkipColumn) {
            options.skippedColumns.insert(detected);
            continue;
        }
        if (name->text() != detected)
            options.columnNames.insert(detected, name->text());
        const auto type = ColumnType::Type(combo->currentData().toInt());
        if (type != m_detectedTypes.value(column))
            options.columnTypes.insert(detected, type);
    }
    return options;
}

bool ImportDialog::applyToOthers() const
{
    return m_files.size() > 1 && m_ui->applyToAllCheck->isChecked();
}

ImportOptions ImportDialog::optionsForOthers() const
{
    ImportOptions options = settings();
    if (options.ifExists != ImportOptions::IfExists::Fail)
        options.table = m_ui->tableCombo->currentText().trimmed(); // append all into one table
    return options;
}

void ImportDialog::restore(const ImportOptions &options, const QString &failure)
{
    m_ui->tableCombo->setEditText(options.table);
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(options.ifExists)));
    m_ui->raggedCombo->setCurrentIndex(m_ui->raggedCombo->findData(int(options.raggedRows)));
    m_ui->delimiterCombo->setCurrentIndex(m_ui->delimiterCombo->findData(
        options.delimiter ? int(options.delimiter->unicode()) : int(Auto)));
    m_ui->encodingCombo->setCurrentIndex(
        m_ui->encodingCombo->findData(options.encoding ? int(*options.encoding) : int(Auto)));
    m_ui->headerCombo->setCurrentIndex(
        m_ui->headerCombo->findData(options.header ? int(*options.header) : int(Auto)));
    m_restoring = options;
    m_failure = failure;
    refreshPreview(); // the column choices are put back when it shows
}

void ImportDialog::showError(const QString &previewError)
{
    const QString text =
        !previewError.isEmpty() ? previewError
        : !m_failure.isEmpty()
            ? tr("The import failed and wrote nothing: %1. Change the settings and import "
                 "again.")
                  .arg(m_failure)
            : QString();
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void ImportDialog::refreshPreview()
{
    const quint64 generation = ++m_previewGeneration;
    m_previewReady = false;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    const QString path = m_files.first();
    const ImportOptions options = settings();
    Background::run(
        this, [path, options] { return ImportPreview::read(path, options); },
        [this, generation](const ImportPreview &preview) {
            if (generation == m_previewGeneration)
                showPreview(preview);
        });
}

void ImportDialog::showPreview(const ImportPreview &preview)
{
    m_previewReady = true;
    QTableWidget *table = m_ui->previewTable;
    table->clear();
    showError(preview.error);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(preview.error.isEmpty());
    m_columns = preview.columns;
    m_detectedTypes = preview.types;
    if (preview.columns.isEmpty()) {
        table->setRowCount(0);
        table->setColumnCount(0);
        return;
    }
    if (preview.format == QLatin1String("CSV")) {
        setDetectedText(m_ui->delimiterCombo, delimiterName(preview.delimiter));
        setDetectedText(m_ui->headerCombo, preview.header ? tr("Column names") : tr("Data"));
    }
    setDetectedText(m_ui->encodingCombo, TextEncoding::name(preview.encoding));
    for (QComboBox *combo : {m_ui->delimiterCombo, m_ui->headerCombo})
        combo->setEnabled(preview.format == QLatin1String("CSV"));

    table->setColumnCount(int(preview.columns.size()));
    table->setRowCount(int(preview.rows.size()) + FirstDataRow);
    table->setHorizontalHeaderLabels(preview.columns);
    QStringList rowLabels{tr("Name"), tr("Type")};
    for (int row = 1; row <= preview.rows.size(); ++row)
        rowLabels << QString::number(row);
    table->setVerticalHeaderLabels(rowLabels);
    const ImportOptions restoring = m_restoring.value_or(ImportOptions());
    m_restoring.reset();
    for (int column = 0; column < preview.columns.size(); ++column) {
        const QString &detected = preview.columns[column];
        auto *name = new QLineEdit(restoring.columnNames.value(detected, detected), table);
        name->setFrame(false);
        name->setPlaceholderText(tr("a name"));
        name->setToolTip(
            tr("The column's name in the table (the file calls it \"%1\")").arg(detected));
        table->setCellWidget(NameRow, column, name);
        auto *type = new QComboBox(table);
        for (const ColumnType::Type t : {ColumnType::Integer, ColumnType::Real, ColumnType::Text,
                                         ColumnType::Date, ColumnType::DateTime})
            type->addItem(ColumnType::sqlName(t), int(t));
        type->addItem(tr("skip"), SkipColumn);
        type->setToolTip(tr("The column's type, or \"skip\" to leave it out of the table. "
                            "DATE and DATETIME read the values in the form they are in "
                            "(31/01/2024, 2024-01-31T13:45) and store them as 2024-01-31 "
                            "13:45:00, as SQLite's date functions read them."));
        const int chosen = restoring.skippedColumns.contains(detected)
                               ? SkipColumn
                               : int(restoring.columnTypes.value(detected, preview.types[column]));
        type->setCurrentIndex(type->findData(chosen));
        name->setEnabled(chosen != SkipColumn);
        connect(type, &QComboBox::currentIndexChanged, name,
                [type, name] { name->setEnabled(type->currentData().toInt() != SkipColumn); });
        table->setCellWidget(TypeRow, column, type);
    }
    QFont italic = font();
    italic.setItalic(true);
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    for (int row = 0; row < preview.rows.size(); ++row) {
        for (int column = 0; column < preview.columns.size(); ++column) {
            const QVariant value = preview.rows[row].value(column);
            auto *item = new QTableWidgetItem(value.isNull() ? QStringLiteral("NULL")
                                                             : value.toString().left(200));
            if (value.isNull()) {
                item->setFont(italic);
                item->setForeground(grey);
            }
            if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row + FirstDataRow, column, item);
        }
    }
    table->resizeColumnsToContents();
    for (int column = 0; column < table->columnCount(); ++column)
        table->setColumnWidth(column, std::min(table->columnWidth(column), 260));
}
