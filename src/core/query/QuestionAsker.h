#pragma once

#include <QSqlDatabase>
#include <QString>

class LlmClient;

// A question in plain words turned into SQL by the configured model: it is sent the schema
// (the CREATE statements) and, only when the user allows it, three sample rows of each table;
// it answers through structured output ({"sql", "explanation"}). SQL that would change the
// database is refused here, whatever the caller allows, and so is SQL that does not prepare.
class QuestionAsker
{
public:
    struct Answer
    {
        QString sql;
        QString explanation;
        QString model;
    };
    static constexpr int SampleRowsPerTable = 3;

    // Blocking (an LLM request): call it from a worker thread. Throws RowforgeError (the
    // provider's error, or what is wrong with the SQL, which it quotes) or QueryRefused.
    static Answer ask(QSqlDatabase &db, LlmClient &client, const QString &question,
                      bool withSampleRows);
    // What to set up when no model is configured (Ask has no offline mode).
    static QString noModelMessage();
};
