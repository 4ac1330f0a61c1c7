#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// Finds the rows in what a model wrote, tolerantly: {"rows": [...]} or a bare array, alone or
// inside a ```json code fence or surrounded by prose.
class RowsParser
{
public:
    // Throws RowforgeError when no JSON rows can be found.
    static QList<QJsonObject> parse(const QString &text);
    static QList<QJsonObject> fromJson(const QJsonValue &value, bool *ok);
    // One JSON object in what a model wrote, found as tolerantly. Throws when there is none.
    static QJsonObject parseObject(const QString &text);
    // The rows that are complete in an answer cut off mid-way ({"rows":[{...},{"na).
    static QList<QJsonObject> completeRows(const QString &text);
};
