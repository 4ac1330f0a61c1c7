#pragma once

#include "GenerationOptions.h"
#include "GenerationResult.h"
#include "profile/GenerationContext.h"

#include <QSqlDatabase>

class LlmClient;

// Grows a table with rows from an LLM: sample, profile, prompt, ask, validate every row, ask
// again for the missing count only (saying what was wrong, at most twice), then insert all
// valid rows in one transaction through the shared insert path. Nothing is written unless
// the whole run succeeds. Runs on a worker thread with its own connection.
class GenerationPipeline
{
public:
    // Throws RowforgeError (the message says what to do).
    // Existing rows compared with the new ones in the fidelity report (rows mode: a few dozen
    // new rows need no more).
    static constexpr int FidelityRealRows = 1000;

    static GenerationResult run(QSqlDatabase &db, const QString &table,
                                const GenerationOptions &options, LlmClient &client);
    // Rows asked for in one request: as many as fit in a safe share of the model's output
    // token limit, measured on the sample rows, and at most options.rowsPerRequest.
    static int rowsPerRequest(const GenerationContext &context, const GenerationOptions &options);
};
