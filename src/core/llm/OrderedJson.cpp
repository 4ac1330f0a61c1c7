#include "OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray scalar(const QJsonValue &value)
{
    // Qt writes scalars (escapes, numbers) the standard way inside an array.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

void append(QByteArray &out, const QJsonValue &value, const QStringList &order)
{
    if (value.isArray()) {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            append(out, array[i], order);
        }
        out += ']';
        return;
    }
    if (!value.isObject()) {
        out += scalar(value);
        return;
    }
    const QJsonObject object = value.toObject();
    QStringList keys;
    for (const QString &key : order) {
        if (object.contains(key) && !keys.contains(key))
            keys << key;
    }
    for (const QString &key : object.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    out += '{';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i)
            out += ',';
        out += scalar(keys[i]);
        out += ':';
        append(out, object.value(keys[i]), order);
    }
    out += '}';
}

} // namespace

QByteArray OrderedJson::write(const QJsonValue &value, const QStringList &order)
{
    QByteArray out;
    append(out, value, order);
    return out;
}
