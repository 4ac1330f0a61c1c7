#include "SchemaAnswer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace {

QByteArray json(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// A date, time or timestamp in whichever common layout the pattern accepts.
QString dateMatching(const QRegularExpression &pattern, int index)
{
    static const QStringList layouts{QStringLiteral("yyyy-MM-dd"),
                                     QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                                     QStringLiteral("yyyy-MM-ddTHH:mm:ss"),
                                     QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"),
                                     QStringLiteral("yyyy-MM-dd HH:mm"),
                                     QStringLiteral("yyyy-MM-ddTHH:mm"),
                                     QStringLiteral("HH:mm:ss"),
                                     QStringLiteral("HH:mm"),
                                     QStringLiteral("dd/MM/yyyy"),
                                     QStringLiteral("MM/dd/yyyy"),
                                     QStringLiteral("yyyy/MM/dd"),
                                     QStringLiteral("dd.MM.yyyy"),
                                     QStringLiteral("yyyyMMdd"),
                                     QStringLiteral("yyyy-MM"),
                                     QStringLiteral("yyyy")};
    const QDateTime when =
        QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(index) * 90061);
    for (const QString &layout : layouts) {
        const QString text = when.toString(layout);
        if (pattern.match(text).hasMatch())
            return text;
    }
    return {};
}

} // namespace

QByteArray SchemaAnswer::value(const QJsonObject &property, int index)
{
    QStringList types;
    const QJsonValue type = property.value(QLatin1String("type"));
    if (type.isString())
        types << type.toString();
    for (const QJsonValue &t : type.toArray())
        types << t.toString();
    const QJsonArray choices = property.value(QLatin1String("enum")).toArray();
    if (!choices.isEmpty()) {
        // A model picks a value, rarely the null a nullable column allows.
        QJsonArray values;
        for (const QJsonValue &choice : choices) {
            if (!choice.isNull())
                values << choice;
        }
        return values.isEmpty() ? QByteArray("null") : json(values.at(index % values.size()));
    }
    if (types.contains(QLatin1String("integer")))
        return QByteArray::number(100 + index * 7 % 900);
    if (types.contains(QLatin1String("number")))
        return QByteArray::number(10.25 + (index * 37 % 1000) / 4.0);
    if (types.contains(QLatin1String("boolean")))
        return index % 2 ? "true" : "false";
    if (!types.contains(QLatin1String("string")))
        return "null";
    const QString format = property.value(QLatin1String("format")).toString();
    const QDateTime when =
        QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(index) * 90061);
    if (format == QLatin1String("date"))
        return json(when.toString(QStringLiteral("yyyy-MM-dd")));
    if (format == QLatin1String("date-time"))
        return json(when.toString(Qt::ISODate));
    if (format == QLatin1String("time"))
        return json(when.toString(QStringLiteral("HH:mm:ss")));
    if (format == QLatin1String("email"))
        return json(QStringLiteral("person%1@example.org").arg(index));
    if (format == QLatin1String("uuid"))
        return json(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString patternText = property.value(QLatin1String("pattern")).toString();
    if (!patternText.isEmpty()) {
        const QString date = dateMatching(QRegularExpression(patternText), index);
        if (!date.isEmpty())
            return json(date);
    }
    return json(QStringLiteral("value %1").arg(index));
}

QByteArray SchemaAnswer::row(const QJsonObject &rowSchema, int index)
{
    const QJsonObject properties = rowSchema.value(QLatin1String("properties")).toObject();
    QByteArray text = "{";
    for (const QJsonValue &name : rowSchema.value(QLatin1String("required")).toArray()) {
        if (text.size() > 1)
            text += ',';
        text += json(name) + ':' + value(properties.value(name.toString()).toObject(), index);
    }
    return text + '}';
}
