#pragma once

#include "generate/GenerationOptions.h"
#include "generate/RelatedGeneration.h"

#include <QDialog>
#include <QPointer>

class FidelityReportView;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

// Generate Data…: how many rows (1 to 10,000,000), which provider and mode, a seed, and a
// Preview of the first rows with their fidelity report before anything is written. The
// Recipe tab shows the recipe the run will use (learned, cached or asked for) as JSON, which
// can be edited and run as it stands. Tables whose rows point at this one can be grown with
// it (offline or from recipes): each new row then gets as many children as an existing one.
class GenerateDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int PreviewRows = 20;

    GenerateDialog(const QString &databasePath, const QString &table,
                   const QList<RelatedGeneration::Descendant> &related = {},
                   QWidget *parent = nullptr);

    // The options for the run; false (with the reason shown) when they cannot be used.
    bool options(GenerationOptions *options);

    // The tables ticked to grow with this one, nearest first.
    QStringList relatedTables() const;

    // For tests and screenshots.
    QTableWidget *previewTable() const { return m_preview; }
    FidelityReportView *reportView() const { return m_report; }
    QPushButton *previewButton() const { return m_previewButton; }
    QSpinBox *rowsBox() const { return m_rows; }
    QComboBox *providerBox() const { return m_provider; }
    QComboBox *modeBox() const { return m_mode; }
    QSpinBox *seedBox() const { return m_seed; }
    QPlainTextEdit *recipeEditor() const { return m_recipe; }
    QCheckBox *useRecipeBox() const { return m_useRecipe; }
    QLabel *statusLabel() const { return m_status; }
    QCheckBox *relatedBox(const QString &table) const;

Q_SIGNALS:
    void previewFinished(bool ok);
    void recipeLoaded(bool ok);

private:
    // Says why the settings cannot make rows, and takes the stale preview away.
    void showFailure(const QString &message);
    void preview();
    void loadRecipe();
    void accept() override;
    void setBusy(bool busy, const QString &text);
    // A related table can be ticked once one of its parents is grown too.
    void updateRelated();

    QString m_database;
    QString m_table;
    QSpinBox *m_rows;
    QComboBox *m_provider;
    QComboBox *m_mode;
    QSpinBox *m_seed;
    QTabWidget *m_tabs;
    QTableWidget *m_preview;
    FidelityReportView *m_report;
    QPlainTextEdit *m_recipe;
    QCheckBox *m_useRecipe;
    QPushButton *m_previewButton;
    QPushButton *m_loadRecipeButton;
    QLabel *m_status;
    QList<RelatedGeneration::Descendant> m_related;
    QList<QCheckBox *> m_relatedBoxes; // in m_related's order
    bool m_busy = false;
    // Where the focus was when a preview started: disabling the busy button moved it on (to
    // Cancel), and it comes back when the preview is shown.
    QPointer<QWidget> m_focusBeforeBusy;
};
