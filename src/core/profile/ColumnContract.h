#pragma once

#include "ColumnProfile.h"
#include "db/ColumnInfo.h"

#include <QJsonArray>
#include <QJsonObject>

// What a value of a column must look like in JSON, from the values actually stored (the
// profile) and, for an empty table, from the declared type: `day DATE` holding ISO text is a
// string in that layout, not the number SQLite's NUMERIC affinity would suggest; `paid
// BOOLEAN` holding 0 and 1 is one of those integers. The row schema sent to a model and the
// validator of its answers both read it, so they cannot disagree.
struct ColumnContract
{
    QString type;       // integer, number or string
    QString dateLayout; // a Qt date format the text must parse in, or empty
    QJsonArray choices; // the only values allowed, or empty
    bool nullable = true;

    static ColumnContract of(const ColumnInfo &column, const ColumnProfile *profile);
    // The JSON Schema of one value (strict structured outputs: type, pattern, enum).
    QJsonObject schema() const;
};
