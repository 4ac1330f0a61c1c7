#include "ExportDialog.h"
#include "ui_ExportDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace {
const QString folderKey = QStringLiteral("export/folder");
const QString delimiterKey = QStringLiteral("export/delimiter");
const QString crlfKey = QStringLiteral("export/crlf");
const QString nullKey = QStringLiteral("export/nullText");
const QString headerKey = QStringLiteral("export/header");
const QString bomKey = QStringLiteral("export/bom");
} // namespace

ExportDialog::ExportDialog(const QString &table, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExportDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Export %1 as CSV").arg(table));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    m_ui->delimiterCombo->addItem(tr("Comma ( , )"), int(u','));
    m_ui->delimiterCombo->addItem(tr("Tab"), int(u'\t'));
    m_ui->delimiterCombo->addItem(tr("Semicolon ( ; )"), int(u';'));
    m_ui->delimiterCombo->addItem(tr("Pipe ( | )"), int(u'|'));
    m_ui->lineEndCombo->addItem(tr("LF (Linux, macOS)"), false);
    m_ui->lineEndCombo->addItem(tr("CRLF (Windows)"), true);

    const QSettings settings;
    const QString folder = settings.value(folderKey, QDir::homePath()).toString();
    m_ui->pathEdit->setText(QDir(folder).filePath(fileNameFor(table) + QStringLiteral(".csv")));
    m_ui->delimiterCombo->setCurrentIndex(
        std::max(0, m_ui->delimiterCombo->findData(settings.value(delimiterKey, int(u',')))));
    m_ui->lineEndCombo->setCurrentIndex(settings.value(crlfKey, false).toBool() ? 1 : 0);
    m_ui->nullEdit->setText(settings.value(nullKey).toString());
    m_ui->headerCheck->setChecked(settings.value(headerKey, true).toBool());
    m_ui->bomCheck->setChecked(settings.value(bomKey, false).toBool());

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, [this] {
        m_overwriteConfirmed = false;
        validate();
    });
    connect(m_ui->nullEdit, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_ui->delimiterCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::validate);
    validate();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::fileNameFor(const QString &table)
{
    QString name = table;
    for (QChar &c : name) {
        if (c == u'/' || c == u'\\' || c == u':' || c == u'*' || c == u'?' || c == u'"' ||
            c == u'<' || c == u'>' || c == u'|' || c.category() == QChar::Other_Control)
            c = u'_';
    }
    return name.trimmed().isEmpty() ? QStringLiteral("table") : name.trimmed();
}

QString ExportDialog::path() const
{
    return m_ui->pathEdit->text().trimmed();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.delimiter = QChar(char16_t(m_ui->delimiterCombo->currentData().toInt()));
    options.crlf = m_ui->lineEndCombo->currentData().toBool();
    options.nullText = m_ui->nullEdit->text();
    options.header = m_ui->headerCheck->isChecked();
    options.bom = m_ui->bomCheck->isChecked();
    return options;
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export CSV"), path(),
                                                        tr("CSV files (*.csv);;All files (*)"));
    if (chosen.isEmpty())
        return;
    m_ui->pathEdit->setText(chosen);
    m_overwriteConfirmed = true; // the file dialog asked already
}

void ExportDialog::validate()
{
    QString problem;
    const ExportOptions current = options();
    if (path().isEmpty())
        problem = tr("Choose a file to write.");
    else if (current.nullText.contains(current.delimiter) || current.nullText.contains(u'"') ||
             current.nullText.contains(u'\n'))
        problem = tr("The NULL text cannot hold the delimiter, a quote or a line break.");
    m_ui->errorLabel->setText(problem);
    m_ui->errorLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void ExportDialog::accept()
{
    const QFileInfo target(path());
    if (target.exists() && !m_overwriteConfirmed &&
        QMessageBox::question(
            this, tr("Replace File?"), tr("%1 already exists. Replace it?").arg(target.fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    remember();
    QDialog::accept();
}

void ExportDialog::remember() const
{
    QSettings settings;
    settings.setValue(folderKey, QFileInfo(path()).absolutePath());
    settings.setValue(delimiterKey, m_ui->delimiterCombo->currentData());
    settings.setValue(crlfKey, m_ui->lineEndCombo->currentData());
    settings.setValue(nullKey, m_ui->nullEdit->text());
    settings.setValue(headerKey, m_ui->headerCheck->isChecked());
    settings.setValue(bomKey, m_ui->bomCheck->isChecked());
}
