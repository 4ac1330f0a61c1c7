#pragma once

#include <QDialog>
#include <QHash>
#include <memory>

namespace Ui {
class GenerationSettingsDialog;
}

// Generation > Settings…: provider, model, base URL, API key, rows, temperature, timeout, and
// whether sample rows may leave the computer — said in a plain sentence.
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

    std::unique_ptr<Ui::GenerationSettingsDialog> m_ui;
    QHash<QString, QString> m_models, m_baseUrls;
    QString m_shownProvider;
};
