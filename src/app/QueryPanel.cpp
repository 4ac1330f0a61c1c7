#include "QueryPanel.h"

#include "ExportDialog.h"
#include "GenerationSettings.h"
#include "QueryResultModel.h"
#include "SqlEditor.h"
#include "db/DatabaseConnection.h"
#include "export/TableExporter.h"
#include "llm/LlmClient.h"
#include "query/QueryHistory.h"
#include "query/QueryInterrupter.h"
#include "query/QueryRunner.h"
#include "query/QuestionAsker.h"
#include "util/Background.h"
#include "util/RowforgeError.h"
#include "util/TaskPools.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
struct RunOutcome
{
    QueryRunner::Table table;
    qint64 milliseconds = 0;
    QString error;
    bool cancelled = false;
};
struct AskOutcome
{
    QuestionAsker::Answer answer;
    QString error;
};
} // namespace

QueryPanel::QueryPanel(QWidget *parent)
    : QWidget(parent), m_interrupter(std::make_shared<QueryInterrupter>()),
      m_question(new QLineEdit(this)), m_askButton(new QPushButton(tr("As&k"), this)),
      m_editor(new SqlEditor(this)), m_historyButton(new QToolButton(this)),
      m_runButton(new QPushButton(tr("&Run"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_exportButton(new QPushButton(tr("E&xport…"), this)),
      m_allowChanges(new QCheckBox(tr("Allow &changes"), this)), m_status(new QLabel(this)),
      m_results(new QTableView(this)), m_model(new QueryResultModel(this))
{
    m_question->setObjectName(QStringLiteral("questionEdit"));
    m_question->setPlaceholderText(
        tr("Ask in plain words, e.g. which customers on the pro plan spend the most?"));
    m_question->setClearButtonEnabled(true);
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(
        tr("SELECT …\n\nCtrl+Return runs the statement at the cursor (or the selection), F5 "
           "runs everything, Ctrl+Space completes a name. Queries only read unless \"Allow "
           "changes\" is ticked."));
    m_editor->setTabChangesFocus(true);
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    m_historyButton->setText(tr("Histor&y"));
    m_historyButton->setToolTip(tr("The queries run on this database, newest first"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyButton->setMenu(new QMenu(m_historyButton));
    connect(m_historyButton->menu(), &QMenu::aboutToShow, this, &QueryPanel::showHistory);
    m_runButton->setToolTip(tr("Run the statement at the cursor (Ctrl+Return); F5 runs all"));
    m_cancelButton->setEnabled(false);
    m_exportButton->setEnabled(false);
    m_exportButton->setToolTip(tr("Write the whole result to CSV, as Export CSV does"));
    m_allowChanges->setToolTip(
        tr("Let statements change the database; they run in one transaction, all or nothing"));
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_results->setObjectName(QStringLiteral("queryResults"));
    m_results->setModel(m_model);
    m_results->setAlternatingRowColors(true);
    m_results->setWordWrap(false);
    m_results->setTabKeyNavigation(false);
    m_results->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_results->verticalHeader()->setDefaultSectionSize(m_results->fontMetrics().height() + 8);
    m_results->horizontalHeader()->setDefaultSectionSize(140);

    auto *askRow = new QHBoxLayout;
    askRow->addWidget(m_question, 1);
    askRow->addWidget(m_askButton);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_allowChanges);
    runRow->addWidget(m_status, 1);
    runRow->addWidget(m_historyButton);
    runRow->addWidget(m_exportButton);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(askRow);
    topLayout->addWidget(m_editor, 1);
    topLayout->addLayout(runRow);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(m_results);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(m_runButton, &QPushButton::clicked, this, &QueryPanel::runCurrent);
    connect(m_cancelButton, &QPushButton::clicked, this, &QueryPanel::cancel);
    connect(m_askButton, &QPushButton::clicked, this, &QueryPanel::ask);
    connect(m_exportButton, &QPushButton::clicked, this, &QueryPanel::exportResult);
    connect(m_question, &QLineEdit::returnPressed, this, &QueryPanel::ask);
    connect(m_editor, &SqlEditor::runCurrentRequested, this, &QueryPanel::runCurrent);
    connect(m_editor, &SqlEditor::runAllRequested, this, &QueryPanel::runAll);
    connect(m_model, &QueryResultModel::moreRowsWanted, this, &QueryPanel::fetchRows);
    setBusy(false, tr("Type SQL and press Ctrl+Return, or ask a question above."));
}

QueryPanel::~QueryPanel()
{
    // A statement still running stops now; its worker finishes on its own connection.
    m_interrupter->interrupt();
}

void QueryPanel::setDatabase(const QString &path)
{
    m_path = path;
    ++m_resultGeneration;
    m_pagingSql.clear();
    m_model->clear();
}

void QueryPanel::setNames(const QStringList &names)
{
    m_editor->setNames(names);
}

void QueryPanel::showHistory()
{
    QMenu *menu = m_historyButton->menu();
    menu->clear();
    const QStringList queries = m_path.isEmpty() ? QStringList() : QueryHistory().of(m_path);
    if (queries.isEmpty())
        menu->addAction(tr("No queries run on this database yet"))->setEnabled(false);
    for (const QString &sql : queries) {
        QString label = sql.simplified();
        if (label.size() > 80)
            label = label.left(79) + u'…';
        // "&" would read as a mnemonic.
        QAction *action = menu->addAction(label.replace(u'&', QStringLiteral("&&")));
        action->setToolTip(sql);
        connect(action, &QAction::triggered, this, [this, sql] {
            m_editor->setPlainText(sql);
            m_editor->setFocus();
        });
    }
}

void QueryPanel::setSql(const QString &sql)
{
    m_editor->setPlainText(sql);
}

QString QueryPanel::sql() const
{
    return m_editor->toPlainText();
}

QString QueryPanel::statusText() const
{
    return m_status->text();
}

QueryPanel::Statement QueryPanel::statementAtCursor() const
{
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        return {cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n'),
                cursor.selectionStart()};
    const QString text = m_editor->toPlainText();
    // Statement boundaries: semicolons outside quotes and comments.
    QList<qsizetype> ends;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            quote = c == u'[' ? QChar(u']') : c;
        } else if (c == u'-' && text.mid(i, 2) == QLatin1String("--")) {
            i = text.indexOf(u'\n', i);
            if (i < 0)
                break;
        } else if (c == u';') {
            ends << i;
        }
    }
    const qsizetype position = cursor.position();
    qsizetype start = 0;
    for (const qsizetype end : std::as_const(ends)) {
        // The cursor right after a semicolon still means the statement it ends.
        if (position <= end + 1 && !text.mid(start, end - start).trimmed().isEmpty())
            return {text.mid(start, end - start + 1), int(start)};
        start = end + 1;
    }
    const QString rest = text.mid(start);
    if (!rest.trimmed().isEmpty())
        return {rest, int(start)};
    // After the last statement: that one.
    if (ends.size() < 2)
        return {text.left(ends.value(0, -1) + 1), 0};
    const qsizetype from = ends[ends.size() - 2] + 1;
    return {text.mid(from, ends.last() - from + 1), int(from)};
}

void QueryPanel::runCurrent()
{
    run(statementAtCursor());
}

void QueryPanel::runAll()
{
    run({m_editor->toPlainText(), 0});
}

void QueryPanel::cancel()
{
    if (m_running && m_interrupter->interrupt())
        showStatus(tr("Stopping…"), false);
}

void QueryPanel::run(const Statement &statement)
{
    const QString &sql = statement.sql;
    if (m_running)
        return;
    if (m_path.isEmpty()) {
        showStatus(tr("Open a database first."), true);
        return;
    }
    if (sql.trimmed().isEmpty()) {
        showStatus(tr("Nothing to run: type a statement."), true);
        return;
    }
    const bool allowChanges = m_allowChanges->isChecked();
    setBusy(true, tr("Running…"));
    Background::run(
        this, TaskPools::longRunning(),
        [path = m_path, sql, allowChanges, interrupter = m_interrupter] {
            RunOutcome outcome;
            QElapsedTimer timer;
            timer.start();
            try {
                DatabaseConnection connection(path);
                interrupter->attach(connection.database());
                const auto detach = qScopeGuard([&interrupter] { interrupter->detach(); });
                // A run that may write is not run again for more rows: it keeps more at once.
                outcome.table = QueryRunner::collect(connection.database(), sql, allowChanges,
                                                     allowChanges ? 10 * QueryPanel::PageRows
                                                                  : QueryPanel::PageRows);
            } catch (const RowforgeError &error) {
                outcome.error = error.message();
                outcome.cancelled = error.message() == QLatin1String("interrupted");
            }
            outcome.milliseconds = timer.elapsed();
            return outcome;
        },
        [this, allowChanges, statement](const RunOutcome &outcome) {
            const QString &sql = statement.sql;
            setBusy(false, {});
            QueryHistory().add(m_path, sql);
            if (outcome.cancelled) {
                showStatus(tr("Cancelled after %1 ms; nothing was changed.")
                               .arg(QLocale().toString(outcome.milliseconds)),
                           true);
                return;
            }
            if (!outcome.error.isEmpty()) {
                showStatus(outcome.error, true);
                markError(statement, outcome.error);
                return;
            }
            const QueryRunner::Table &table = outcome.table;
            ++m_resultGeneration;
            m_pagingSql = table.pagingSql;
            m_model->setResult(table.header, table.rows,
                               table.pagingSql.isEmpty() ? table.rows.size() : table.totalRows);
            m_lastSql = table.header.isEmpty() ? QString() : sql;
            m_exportButton->setEnabled(!m_lastSql.isEmpty());
            auto count = [](qint64 n, const QString &one, const QString &many) {
                return (n == 1 ? one : many).arg(QLocale().toString(n));
            };
            QString text = table.header.isEmpty() ? tr("Done")
                           : table.truncated && table.pagingSql.isEmpty()
                               ? tr("First %1 rows").arg(QLocale().toString(table.rows.size()))
                               : count(table.totalRows, tr("%1 row"), tr("%1 rows"));
            if (table.pagingSql.size() > 0 && table.totalRows > QueryResultModel::MaxLoaded)
                text += tr(" (the grid shows the first %1; Export writes them all)")
                            .arg(QLocale().toString(QueryResultModel::MaxLoaded));
            if (table.result.statements > 1)
                text +=
                    count(table.result.statements, tr(" · %1 statement"), tr(" · %1 statements"));
            if (allowChanges)
                text += count(table.result.rowsChanged, tr(" · %1 row changed"),
                              tr(" · %1 rows changed"));
            text += tr(" · %1 ms").arg(QLocale().toString(outcome.milliseconds));
            showStatus(text, false);
            if (allowChanges && table.result.rowsChanged + table.result.statements > 0)
                Q_EMIT databaseChanged();
        });
}

void QueryPanel::fetchRows(qint64 offset)
{
    if (m_pagingSql.isEmpty() || m_path.isEmpty()) {
        m_model->appendRows({});
        return;
    }
    const quint64 generation = m_resultGeneration;
    Background::run(
        this, TaskPools::longRunning(),
        [path = m_path, sql = m_pagingSql, offset] {
            QPair<QList<QVariantList>, QString> outcome;
            try {
                DatabaseConnection connection(path);
                outcome.first = QueryRunner::page(connection.database(), sql, offset, PageRows);
            } catch (const RowforgeError &error) {
                outcome.second = error.message();
            }
            return outcome;
        },
        [this, generation](const QPair<QList<QVariantList>, QString> &outcome) {
            if (generation != m_resultGeneration)
                return; // a newer result is shown
            if (!outcome.second.isEmpty())
                showStatus(tr("Could not read more rows: %1").arg(outcome.second), true);
            m_model->appendRows(outcome.first);
        });
}

void QueryPanel::markError(const Statement &statement, const QString &error)
{
    // QueryRunner names the place as "(line L, column C)" of the SQL it was given.
    static const QRegularExpression place(QStringLiteral("\\(line (\\d+), column (\\d+)\\)$"));
    const QRegularExpressionMatch match = place.match(error);
    if (!match.hasMatch())
        return;
    const int line = match.captured(1).toInt();
    const int column = match.captured(2).toInt();
    qsizetype lineStart = 0;
    for (int i = 1; i < line && lineStart >= 0; ++i) {
        lineStart = statement.sql.indexOf(u'\n', lineStart);
        if (lineStart >= 0)
            ++lineStart;
    }
    if (lineStart < 0)
        return;
    m_editor->markError(statement.start + int(lineStart) + column - 1);
}

void QueryPanel::ask()
{
    const QString question = m_question->text().trimmed();
    if (m_running || question.isEmpty())
        return;
    if (m_path.isEmpty()) {
        showStatus(tr("Open a database first."), true);
        return;
    }
    LlmSettings llm;
    bool withRows = false;
    try {
        const GenerationOptions options = GenerationSettings::load().options();
        llm = options.llm;
        withRows = options.share == GenerationOptions::Share::Rows;
    } catch (const RowforgeError &error) {
        showStatus(error.message(), true);
        return;
    }
    if (llm.provider == LlmSettings::Provider::Offline) {
        showStatus(QuestionAsker::noModelMessage() +
                       tr(" (Table › Generation Settings… sets the provider.)"),
                   true);
        return;
    }
    setBusy(true, tr("Asking %1…").arg(LlmSettings::providerName(llm.provider)));
    Background::run(
        this, TaskPools::longRunning(),
        [path = m_path, llm, question, withRows] {
            AskOutcome outcome;
            try {
                DatabaseConnection connection(path);
                LlmClient client(llm);
                outcome.answer =
                    QuestionAsker::ask(connection.database(), client, question, withRows);
            } catch (const RowforgeError &error) {
                outcome.error = error.message();
            }
            return outcome;
        },
        [this](const AskOutcome &outcome) {
            setBusy(false, {});
            if (!outcome.error.isEmpty()) {
                showStatus(outcome.error, true);
                return;
            }
            m_editor->setPlainText(outcome.answer.sql);
            m_editor->setFocus();
            showStatus(outcome.answer.explanation.isEmpty()
                           ? tr("Review the SQL, then press Ctrl+Return to run it.")
                           : tr("%1 Review it, then press Ctrl+Return to run it.")
                                 .arg(outcome.answer.explanation),
                       false);
        });
}

void QueryPanel::exportResult()
{
    if (m_lastSql.isEmpty() || m_running)
        return;
    ExportDialog dialog(QStringLiteral("query"), this);
    if (dialog.exec() == QDialog::Accepted)
        exportTo(dialog.path(), dialog.options());
}

void QueryPanel::exportTo(const QString &path, const ExportOptions &options)
{
    if (m_lastSql.isEmpty() || m_running)
        return;
    setBusy(true, tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    Background::run(
        this, TaskPools::longRunning(),
        [database = m_path, sql = m_lastSql, path, options, interrupter = m_interrupter] {
            QPair<qint64, QString> outcome{0, {}};
            try {
                DatabaseConnection connection(database);
                interrupter->attach(connection.database());
                const auto detach = qScopeGuard([&interrupter] { interrupter->detach(); });
                // Read-only whatever the toggle says: exporting must not run writes again.
                QueryRunner::Output output;
                output.csv = options;
                outcome.first = TableExporter::writeFile(path, [&](QIODevice &device) {
                    return QueryRunner::run(connection.database(), sql, false, device, path, output)
                        .rows;
                });
            } catch (const RowforgeError &error) {
                outcome.second = error.message();
            }
            return outcome;
        },
        [this, path](const QPair<qint64, QString> &outcome) {
            setBusy(false, {});
            if (!outcome.second.isEmpty())
                showStatus(tr("Export failed: %1").arg(outcome.second), true);
            else
                showStatus(
                    tr("Exported %1 rows to %2")
                        .arg(QLocale().toString(outcome.first), QDir::toNativeSeparators(path)),
                    false);
        });
}

void QueryPanel::setBusy(bool busy, const QString &status)
{
    m_running = busy;
    m_runButton->setEnabled(!busy);
    m_askButton->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_exportButton->setEnabled(!busy && !m_lastSql.isEmpty());
    if (!status.isEmpty())
        showStatus(status, false);
}

void QueryPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}
