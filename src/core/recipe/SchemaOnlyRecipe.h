#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>

// A recipe for a table with no rows to learn from: generators guessed from each column's name
// and declared type (an "email" column gets addresses, a "created_at" column dates, an INTEGER
// PRIMARY KEY a sequence). Marked with "learned_from_rows": 0, so callers can say so.
class SchemaOnlyRecipe
{
public:
    static QJsonObject build(const TableInfo &table);
    static QJsonObject column(const ColumnInfo &column);
};
