#include "CreateTableParser.h"

#include "SqlTokenizer.h"

namespace {

using Tokens = QList<SqlTokenizer::Token>;

// Index of the parenthesis closing the one at `open`, or -1.
int matchingParen(const Tokens &tokens, int open)
{
    int depth = 0;
    for (int i = open; i < tokens.size(); ++i) {
        if (tokens[i].isPunctuation('('))
            ++depth;
        else if (tokens[i].isPunctuation(')') && --depth == 0)
            return i;
    }
    return -1;
}

bool startsTableConstraint(const SqlTokenizer::Token &token)
{
    return token.isWord("CONSTRAINT") || token.isWord("PRIMARY") || token.isWord("UNIQUE") ||
           token.isWord("CHECK") || token.isWord("FOREIGN");
}

} // namespace

CreateTableParser::Result CreateTableParser::parse(const QString &createSql)
{
    Result result;
    const Tokens tokens = SqlTokenizer::tokenize(createSql);

    int open = -1;
    for (int i = 0; i < tokens.size(); ++i) {
        if (tokens[i].isWord("AS"))
            return result; // CREATE TABLE ... AS SELECT has no constraints
        if (tokens[i].isPunctuation('(')) {
            open = i;
            break;
        }
    }
    const int close = open < 0 ? -1 : matchingParen(tokens, open);
    if (close < 0)
        return result;

    int defBegin = open + 1;
    int depth = 0;
    for (int i = open + 1; i <= close; ++i) {
        const auto &token = tokens[i];
        if (token.isPunctuation('(')) {
            ++depth;
            continue;
        }
        if (token.isPunctuation(')') && i < close) {
            --depth;
            continue;
        }
        if (depth > 0 || !(token.isPunctuation(',') || i == close))
            continue;

        // tokens[defBegin, i) is one column definition or table constraint.
        if (defBegin < i) {
            const bool isColumn = !startsTableConstraint(tokens[defBegin]);
            for (int k = defBegin; k + 1 < i; ++k) {
                if (!tokens[k].isWord("CHECK") || !tokens[k + 1].isPunctuation('('))
                    continue;
                const int checkClose = matchingParen(tokens, k + 1);
                if (checkClose < 0 || checkClose >= i)
                    break;
                const int from = tokens[k + 1].end;
                const QString expression =
                    createSql.mid(from, tokens[checkClose].begin - from).trimmed();
                if (isColumn)
                    result.columnChecks[tokens[defBegin].value.toLower()] << expression;
                else
                    result.tableChecks << expression;
                k = checkClose;
            }
        }
        defBegin = i + 1;
    }
    return result;
}
