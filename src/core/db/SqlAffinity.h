#pragma once

#include <QString>

// SQLite's column affinity, derived from a declared type by the rules of
// https://www.sqlite.org/datatype3.html section 3.1.
class SqlAffinity
{
public:
    enum Kind { Integer, Real, Numeric, Text, Blob };
    static Kind fromDeclaredType(const QString &declaredType);
    static QString name(Kind kind);
};
