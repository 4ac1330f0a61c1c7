#pragma once

#include <QString>
#include <QVariantList>

// What a person types in a column's filter box, as an SQL condition on that column, the way
// DB Browser for SQLite reads it: `NULL` and `NOT NULL`; `= 5`, `<> x`, `!= x`, `> 10`,
// `>= 2024-01-01`, `< 3`, `<= 3` (numbers compare as numbers, the rest as text); `=` alone
// matches the empty text; anything else is text the value contains, ignoring case for ASCII.
// Values are bound, never part of the SQL.
class ColumnFilter
{
public:
    // `column` is the quoted column name; appends the values to bind to `bound`. An empty or
    // blank text gives an empty condition (no filter).
    static QString condition(const QString &column, const QString &text, QVariantList *bound);
};
