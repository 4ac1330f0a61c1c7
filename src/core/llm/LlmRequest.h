#pragma once

#include <QJsonObject>
#include <QString>

// One structured-output request: the messages and the JSON schema of {"rows": [...]}.
struct LlmRequest
{
    QString system;
    QString user;
    QJsonObject rowSchema; // the schema of one row object
};
