#pragma once

#include "TempDatabase.h"
#include "recipe/RecipeRunner.h"

// Learns a recipe from `table` as offline generation does and runs it for `rows` new rows.
RecipeRunResult generateOffline(TempDatabase &temp, const QString &table, qint64 rows,
                                quint32 seed);
