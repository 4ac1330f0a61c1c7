#pragma once

#include "ImportRecord.h"

#include <QString>
#include <QVariant>

// The type an imported column gets, inferred over every value of the file in one direction
// only: NULL < INTEGER < REAL < TEXT. A value is a number only when storing it as one loses
// nothing: "0805", "+5", "1,000", " 7" and "-0" stay TEXT, and an integer beyond 64 bits is
// REAL only when a double holds it exactly.
class ColumnType
{
public:
    // Date and DateTime are never inferred: a user chooses them, and the import then writes
    // each value as ISO 8601 text (2024-01-31, 2024-01-31 13:45:00), read in the format the
    // column's text is in.
    enum Type { Null, Integer, Real, Text, Date, DateTime };

    static Type classify(const QString &text);
    static Type classify(ImportRecord::Kind kind, const QString &text);
    static Type widen(Type a, Type b) { return a > b ? a : b; }
    static QString sqlName(Type type);
    // The value to bind for a column of the given type; an empty QVariant if the text cannot
    // be stored in that type without loss (only possible when a user chose the type).
    static QVariant convert(Type column, ImportRecord::Kind kind, const QString &text, bool *ok);

    // The value as a number of the column's type, if it is one without loss.
    static bool integerValue(ImportRecord::Kind kind, const QString &text, qint64 *value);
    static bool realValue(ImportRecord::Kind kind, const QString &text, double *value);
    // Exact, locale-free parsing of text that classify() accepted as a number.
    static bool parseInteger(const QString &text, qint64 *value);
    static bool parseReal(const QString &text, double *value);

private:
    static bool isIntegerSyntax(const QString &text);
    static bool isRealSyntax(const QString &text);
};
