#include "SqlTokenizer.h"

bool SqlTokenizer::Token::isWord(const char *upperCaseWord) const
{
    return type == Word && value.compare(QLatin1String(upperCaseWord), Qt::CaseInsensitive) == 0;
}

bool SqlTokenizer::Token::isPunctuation(char c) const
{
    return type == Punctuation && value.size() == 1 && value.at(0) == QLatin1Char(c);
}

// Reads a quoted run starting after its opening quote; a doubled closing quote stands for
// itself. Returns the offset just past the closing quote (or the end of an unterminated run).
int SqlTokenizer::skipQuoted(const QString &sql, int pos, QChar close, QString *value)
{
    const int n = sql.size();
    while (pos < n) {
        const QChar c = sql.at(pos);
        if (c == close) {
            if (close != QLatin1Char(']') && pos + 1 < n && sql.at(pos + 1) == close) {
                *value += c;
                pos += 2;
                continue;
            }
            return pos + 1;
        }
        *value += c;
        ++pos;
    }
    return n;
}

QList<SqlTokenizer::Token> SqlTokenizer::tokenize(const QString &sql)
{
    QList<Token> tokens;
    const int n = sql.size();
    int pos = 0;
    while (pos < n) {
        const QChar c = sql.at(pos);
        const QChar next = pos + 1 < n ? sql.at(pos + 1) : QChar();
        if (c.isSpace()) {
            ++pos;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const int eol = sql.indexOf(QLatin1Char('\n'), pos);
            pos = eol < 0 ? n : eol + 1;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const int close = sql.indexOf(QLatin1String("*/"), pos + 2);
            pos = close < 0 ? n : close + 2;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[') ||
                   c == QLatin1Char('\'')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            QString value;
            const int end = skipQuoted(sql, pos + 1, close, &value);
            tokens.append({c == QLatin1Char('\'') ? String : QuotedIdentifier, value, pos, end});
            pos = end;
        } else if (c.isLetter() || c == QLatin1Char('_') || c.unicode() > 127) {
            int end = pos + 1;
            while (end < n && (sql.at(end).isLetterOrNumber() || sql.at(end) == QLatin1Char('_') ||
                               sql.at(end) == QLatin1Char('$') || sql.at(end).unicode() > 127))
                ++end;
            tokens.append({Word, sql.mid(pos, end - pos), pos, end});
            pos = end;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',') ||
                   c == QLatin1Char(';') || c == QLatin1Char('.')) {
            tokens.append({Punctuation, QString(c), pos, pos + 1});
            ++pos;
        } else {
            tokens.append({Other, QString(c), pos, pos + 1});
            ++pos;
        }
    }
    return tokens;
}
