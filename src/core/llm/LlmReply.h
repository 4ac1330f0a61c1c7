#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// What a provider answered, already parsed: the rows and the token usage.
struct LlmReply
{
    QList<QJsonObject> rows;
    QJsonObject object; // the answer to an object request (LlmRequest::wantsObject())
    QString model;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    int attempts = 1;
    // The answer was cut at the output token limit: `rows` holds the rows that were complete.
    bool truncated = false;
};
