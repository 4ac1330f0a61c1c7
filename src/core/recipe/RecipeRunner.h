#pragma once

#include "RecipeRun.h"
#include "db/TableInfo.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>

// Runs a recipe: generates rows locally and inserts them through the shared insert path in
// one transaction. SQLite checks every constraint as it inserts; a row it refuses (or one
// that copies an existing row) is undone and replaced by a new one, so every row written is
// valid. Cancelling, or a recipe that cannot make enough valid rows, writes nothing.
class RecipeRunner
{
public:
    // After this many refused rows in a row the recipe is judged unable to make more.
    static constexpr int MaxRefusedInARow = 1000;
    // Draws of a row whose unique value is already taken, before the row counts as refused.
    static constexpr int MaxUniqueRetries = 50;
    static constexpr int MaxRuleRedraws = 20;  // then a broken rule is repaired
    static constexpr int MaxColumnRedraws = 8; // of a rule's column, before the whole row
    static constexpr int LargeRun = 10000;
    static constexpr int LargeRunCacheKiB = 128 * 1024;

    static RecipeRunResult run(QSqlDatabase &db, const TableInfo &table, const QJsonObject &recipe,
                               const RecipeRunOptions &options, QRandomGenerator &random);
};
