#pragma once

#include "GeneratedValue.h"
#include "db/SqlAffinity.h"

#include <QJsonValue>

// Turns a recipe's JSON value into what a column of the given affinity stores: whole numbers
// stay integers except in REAL columns, numbers become text in TEXT columns, true/false 1/0.
class RecipeValue
{
public:
    static GeneratedValue fromJson(const QJsonValue &value, SqlAffinity::Kind affinity);
    static QByteArray numberText(double value);
    // A value read from SQLite, in the form the engine generates.
    static GeneratedValue fromVariant(const QVariant &value);
    // A stored value as a recipe writes it: numbers as JSON numbers, everything else as text.
    static QJsonValue toJson(const QVariant &value);
    // The text a recipe's value is known by as a `by` key or a count: numbers with 17
    // significant digits, as GeneratedValue::key() writes them, so that keys match when drawn.
    static QString keyText(const QJsonValue &value);
    // Decimal places of a number written in its shortest exact form (2.50 -> 1, 3 -> 0).
    static int decimalPlaces(double value);
};
