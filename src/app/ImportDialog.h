#pragma once

#include "import/ImportOptions.h"
#include "import/ImportPreview.h"

#include <QDialog>
#include <memory>

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

private:
    void fillChoices(const QStringList &tables);
    void refreshPreview();
    void showPreview(const ImportPreview &preview);
    ImportOptions settings() const;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    QStringList m_files;
    QStringList m_columns;
    QList<ColumnType::Type> m_detectedTypes;
    quint64 m_previewGeneration = 0;
    bool m_previewReady = false;
};
