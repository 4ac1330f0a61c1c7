#pragma once

#include "llm/LlmRequest.h"
#include "profile/ColumnContract.h"
#include "profile/GenerationContext.h"

#include <QHash>

// Writes the request for new rows: the CREATE TABLE statement, every constraint in words,
// the column profiles, the sample rows (if the user allows sending them), how many rows are
// wanted and the rules; for a follow-up, what was wrong with the last answer.
class PromptBuilder
{
public:
    static LlmRequest build(const GenerationContext &context, int count, bool includeSamples,
                            const QStringList &problems = {});
    // The JSON schema of one row: every generated column, typed from the stored values (a
    // date as text in its layout), nullable where allowed.
    static QJsonObject rowSchema(const GenerationContext &context);
    // Each generated column's contract (ColumnContract), for the schema and the validator.
    static QHash<QString, ColumnContract> contractsOf(const GenerationContext &context);
    static QString constraintsInWords(const GenerationContext &context);
    // The table in words: schema, constraints, profile and (if allowed) sample rows.
    static QStringList describe(const GenerationContext &context, bool includeSamples);
};
