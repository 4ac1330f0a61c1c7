#pragma once

#include <QList>
#include <QString>

// Splits SQL text into tokens, enough to find constraint clauses in a CREATE statement:
// quoted identifiers, string literals and comments are never mistaken for structure.
class SqlTokenizer
{
public:
    enum Type { Word, QuotedIdentifier, String, Punctuation, Other };
    struct Token
    {
        Type type;
        QString value; // unquoted identifier or the token text
        int begin;     // offsets into the source text
        int end;
        bool isWord(const char *upperCaseWord) const;
        bool isPunctuation(char c) const;
        bool isIdentifier() const { return type == Word || type == QuotedIdentifier; }
    };

    static QList<Token> tokenize(const QString &sql);

private:
    static int skipQuoted(const QString &sql, int pos, QChar close, QString *value);
};
