#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// One structured-output request: the messages and the JSON schema of the answer, either
// {"rows": [...]} (rowSchema) or, when objectSchema is set, one object such as a recipe.
struct LlmRequest
{
    QString system;
    QString user;
    QJsonObject rowSchema;    // the schema of one row object
    QJsonObject objectSchema; // the schema of a one-object answer; empty for rows
    QString objectName;       // what that object is called ("recipe")
    // The object schema keeps strict mode's rules (every property required, objects closed),
    // so OpenAI can decode exactly it; a recipe's open-ended columns cannot.
    bool objectIsStrict = false;
    QStringList keyOrder; // the table's columns in table order: the order keys are sent in

    bool wantsObject() const { return !objectSchema.isEmpty(); }
    // What the model reads: the messages and the schema (a local server may put the schema in
    // the prompt).
    qint64 promptCharacters() const
    {
        return system.size() + user.size() +
               QJsonDocument(wantsObject() ? objectSchema : rowSchema)
                   .toJson(QJsonDocument::Compact)
                   .size();
    }
};
