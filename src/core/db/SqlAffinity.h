#pragma once

#include <QString>
#include <QVariant>

// SQLite's column affinity, derived from a declared type by the rules of
// https://www.sqlite.org/datatype3.html section 3.1.
class SqlAffinity
{
public:
    enum Kind { Integer, Real, Numeric, Text, Blob };
    static Kind fromDeclaredType(const QString &declaredType);
    static QString name(Kind kind);
    // What SQLite stores for `text` put into a column of this affinity: INTEGER and NUMERIC
    // keep numbers as numbers (a whole REAL as an INTEGER), REAL keeps them as REAL, TEXT and
    // BLOB (none) keep the text. So a value typed in the grid shows as it will be stored.
    static QVariant valueOf(const QString &text, Kind kind);
};
