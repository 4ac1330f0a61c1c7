#pragma once

#include "GenerationOptions.h"
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
    // `used`: values of single-column UNIQUE columns this run has already accepted (the
    // model's own, so they are sent whatever the share level), the last MaxUsedValues each.
    static LlmRequest build(const GenerationContext &context, int count,
                            GenerationOptions::Share share, const QStringList &problems = {},
                            const QHash<QString, QStringList> &used = {});
    static constexpr int MaxUsedValues = 100;
    // The JSON schema of one row: every generated column, typed from the stored values (a
    // date as text in its layout), nullable where allowed.
    static QJsonObject rowSchema(const GenerationContext &context);
    // Each generated column's contract (ColumnContract), for the schema and the validator.
    static QHash<QString, ColumnContract> contractsOf(const GenerationContext &context);
    // Existing values (unique ones, parent keys) are named only from Share::Values on.
    static QString constraintsInWords(const GenerationContext &context,
                                      GenerationOptions::Share share);
    // The table in words, as much as `share` allows: schema, constraints, profile, samples.
    static QStringList describe(const GenerationContext &context, GenerationOptions::Share share);
};
