#pragma once

#include "GenerationOptions.h"
#include "GenerationResult.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>

class LlmClient;

// The recipe half of Generate Data (recipe and offline modes): get a recipe — the user's, one
// learned from the table, or one from the LLM (cached per table and schema, asked again with
// the reason when invalid) — run it locally for any number of rows, and report fidelity.
class RecipeGeneration
{
public:
    // Rows kept for Undo Generation; larger runs cannot be undone row by row.
    static constexpr int UndoRows = 100000;
    static constexpr int MaxDryRunRows = 100000;

    static GenerationResult run(QSqlDatabase &db, const TableInfo &table,
                                const GenerationOptions &options, LlmClient &client,
                                QRandomGenerator &random);
    // The recipe run() would use, without running it (the GUI shows it for editing). Token
    // usage and whether it came from the cache go into `usage`.
    static QJsonObject recipeFor(QSqlDatabase &db, const TableInfo &table,
                                 const GenerationOptions &options, LlmClient &client,
                                 QRandomGenerator &random, GenerationResult *usage);
};
