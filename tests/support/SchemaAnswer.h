#pragma once

#include <QByteArray>
#include <QJsonObject>

// What a model under constrained decoding writes for one row schema: every property, in the
// order the schema lists them (its `required` array, which keeps the order it was sent in),
// each a value the schema allows. A date pattern gets a real date in that layout, an enum one
// of its values, a number a number. The row is JSON text, keys in that order.
class SchemaAnswer
{
public:
    static QByteArray row(const QJsonObject &rowSchema, int index);
    // A value the property's schema allows; the index makes values differ from row to row.
    static QByteArray value(const QJsonObject &property, int index);
};
