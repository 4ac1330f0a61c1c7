#pragma once

#include "export/ExportOptions.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ExportDialog;
}

// Where and how to write a table as CSV. Proposes <table>.csv in the folder used last; the
// options are remembered between uses.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &table, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString path() const;
    ExportOptions options() const;
    void accept() override;

    // A file name made from a table name: characters a file system rejects become _.
    static QString fileNameFor(const QString &table);

private:
    void browse();
    void validate();
    void remember() const;

    std::unique_ptr<Ui::ExportDialog> m_ui;
    bool m_overwriteConfirmed = false;
};
