#pragma once

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours SQL as it is typed: SQLite's keywords, strings, numbers, quoted names and comments.
// A block comment or a string may run over several lines; the block state carries it on.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *document);

    // The format a character at `position` of `block` was given (for tests and tools).
    static QString kindAt(const QTextBlock &block, int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Plain = 0, InComment = 1, InString = 2, InName = 3 };
    QSet<QString> m_keywords;
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_name;
    QTextCharFormat m_comment;
};
