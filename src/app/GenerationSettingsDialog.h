#pragma once

#include <QDialog>
#include <QHash>
#include <memory>

namespace Ui {
class GenerationSettingsDialog;
}

// Generation > Settings…: provider, model (with the list the server offers), base URL (with
// presets for local servers), a local server's context window, API key, rows, temperature,
// timeout, and what leaves the computer — said in a plain sentence.
class GenerationSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GenerationSettingsDialog(QWidget *parent = nullptr);
    ~GenerationSettingsDialog() override;
    void accept() override;

private:
    void updateForProvider();
    void updatePrivacyNote();
    QString keyProvider() const;
    // Keeps the model and base URL fields of the provider shown until now.
    void keepShownFields();
    // Asks the server for its models off the GUI thread; the model field then completes them.
    void listModels();
    void showModels(const QStringList &models, const QString &error);
    void applyServerPreset(int index);
    void selectServerPreset();

    std::unique_ptr<Ui::GenerationSettingsDialog> m_ui;
    QHash<QString, QString> m_models, m_baseUrls;
    QString m_shownProvider;
    bool m_listing = false;
};
