#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;
class SqlHighlighter;

// The Query tab's editor: SQL coloured as it is typed, table and column names (and SQLite's
// keywords) completed after two letters or on Ctrl+Space, an error's place underlined.
// Ctrl+Return asks to run the statement at the cursor, F5 everything.
class SqlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    // The names completion offers besides the keywords.
    void setNames(const QStringList &names);
    QCompleter *completer() const { return m_completer; }
    // Underlines the token at `position` (a character of the text) and puts the cursor there;
    // gone at the next edit.
    void markError(int position);
    bool hasErrorMark() const { return !extraSelections().isEmpty(); }

Q_SIGNALS:
    void runCurrentRequested();
    void runAllRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void insertCompletion(const QString &completion);
    QString wordBeforeCursor() const;
    void showCompletions(bool forced);

    SqlHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_words;
};
