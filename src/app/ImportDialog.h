#pragma once

#include "import/ImportOptions.h"
#include "import/ImportPreview.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class ImportDialog;
}

// Shows how a file will be imported — detected delimiter, header and encoding, table name,
// mode and each column's type over a preview of the first rows — and lets the user change
// any of it. Settings left on "detected" stay detected, per file.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QStringList &files, const QStringList &tables, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Options for the first file.
    ImportOptions options() const;
    // Options for the other files when "the same way" is checked: the same mode and settings,
    // each into a table named after its file; empty if each should be skipped.
    bool applyToOthers() const;
    ImportOptions optionsForOthers() const;
    // The preview is read in the background; tests wait for it.
    bool isPreviewReady() const { return m_previewReady; }
    // Shows the dialog again as it was for an import that failed: every choice made, and
    // why it failed.
    void restore(const ImportOptions &options, const QString &failure);

    // The preview's first two rows: a column's name, and its type or "skip".
    static constexpr int NameRow = 0;
    static constexpr int TypeRow = 1;
    static constexpr int FirstDataRow = 2;
    static constexpr int SkipColumn = -2; // the type row's item for leaving a column out

private:
    void fillChoices(const QStringList &tables);
    void refreshPreview();
    void showPreview(const ImportPreview &preview);
    ImportOptions settings() const;
    void showError(const QString &previewError);

    std::unique_ptr<Ui::ImportDialog> m_ui;
    QStringList m_files;
    QStringList m_columns;
    QList<ColumnType::Type> m_detectedTypes;
    quint64 m_previewGeneration = 0;
    bool m_previewReady = false;
    // Column choices to put back once the preview shows the columns (after a failed import).
    std::optional<ImportOptions> m_restoring;
    QString m_failure;
};
