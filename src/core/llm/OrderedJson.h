#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

// Compact JSON with object keys in a given order. QJsonObject sorts its keys, but a model
// writes an answer in the order the schema lists its properties, and that order is the order
// it reasons in: first_name before email, start before end. Keys named in `order` come first,
// in that order; the others follow as QJsonObject sorts them.
class OrderedJson
{
public:
    static QByteArray write(const QJsonValue &value, const QStringList &order);
};
