#include "QuestionAsker.h"

#include "QueryRefused.h"
#include "QueryRunner.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "llm/LlmClient.h"
#include "profile/RowSampler.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace {

QJsonObject answerSchema()
{
    const QJsonObject text{{QStringLiteral("type"), QStringLiteral("string")}};
    QJsonObject sql = text;
    sql.insert(QStringLiteral("description"),
               QStringLiteral("One read-only SQLite statement (SELECT or WITH) that answers the "
                              "question; no statement that changes the database."));
    QJsonObject explanation = text;
    explanation.insert(QStringLiteral("description"),
                       QStringLiteral("One sentence on what the statement returns."));
    return {
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("sql"), sql}, {QStringLiteral("explanation"), explanation}}},
        {QStringLiteral("required"),
         QJsonArray{QStringLiteral("sql"), QStringLiteral("explanation")}},
        {QStringLiteral("additionalProperties"), false}};
}

// The CREATE statements of the tables and views, and with `withRows` a few rows of each table.
QString describeSchema(QSqlDatabase &db, bool withRows)
{
    QString text;
    QSqlQuery query = SqlExec::exec(
        db, QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table', "
                           "'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT "
                           "NULL ORDER BY type, name"));
    QStringList tables;
    while (query.next()) {
        text += query.value(2).toString() + QStringLiteral(";\n");
        if (query.value(0).toString() == QLatin1String("table"))
            tables << query.value(1).toString();
    }
    if (!withRows)
        return text;
    QRandomGenerator random(1);
    for (const QString &name : tables) {
        const TableInfo table = SchemaReader::require(db, name);
        const QList<QVariantList> rows =
            RowSampler::sample(db, table, QuestionAsker::SampleRowsPerTable, random);
        if (rows.isEmpty())
            continue;
        QJsonArray sample;
        for (const QVariantList &row : rows)
            sample << QJsonArray::fromVariantList(row);
        text +=
            QStringLiteral("\nSample rows of %1 (columns in table order): %2\n")
                .arg(name, QString::fromUtf8(QJsonDocument(sample).toJson(QJsonDocument::Compact)));
    }
    return text;
}

} // namespace

QString QuestionAsker::noModelMessage()
{
    return QStringLiteral(
        "Asking in plain words needs a language model, and none is set up. Set OPENAI_API_KEY "
        "or ANTHROPIC_API_KEY, or run a local model: install Ollama, `ollama pull llama3.2`, "
        "then use the provider openai-compatible with the base URL http://localhost:11434/v1.");
}

QuestionAsker::Answer QuestionAsker::ask(QSqlDatabase &db, LlmClient &client,
                                         const QString &question, bool withSampleRows)
{
    if (question.trimmed().isEmpty())
        throw RowforgeError(QStringLiteral("Ask a question first"));
    LlmRequest request;
    request.system = QStringLiteral(
        "You write SQLite SQL for a person who asks about their database in plain words. Answer "
        "with one read-only statement (SELECT or WITH ... SELECT) that uses only the tables and "
        "columns given, quotes identifiers with double quotes when needed, and returns what "
        "was asked; never a statement that changes the database.");
    request.user = QStringLiteral("The database schema:\n%1\nThe question: %2")
                       .arg(describeSchema(db, withSampleRows), question.trimmed());
    request.objectSchema = answerSchema();
    request.objectName = QStringLiteral("query");
    request.objectIsStrict = true;
    const LlmReply reply = client.complete(request);
    Answer answer;
    answer.sql = reply.object.value(QLatin1String("sql")).toString().trimmed();
    answer.explanation = reply.object.value(QLatin1String("explanation")).toString().trimmed();
    answer.model = reply.model;
    if (answer.sql.isEmpty())
        throw RowforgeError(QStringLiteral("The model answered without SQL"));
    try {
        QueryRunner::checkReadOnly(db, answer.sql);
    } catch (const QueryRefused &refused) {
        throw QueryRefused(QStringLiteral("The model's SQL would change the database, and Ask "
                                          "only reads: %1\n%2")
                               .arg(refused.message(), answer.sql));
    } catch (const RowforgeError &error) {
        throw RowforgeError(QStringLiteral("The model's SQL does not run here: %1\n%2")
                                .arg(error.message(), answer.sql));
    }
    return answer;
}
