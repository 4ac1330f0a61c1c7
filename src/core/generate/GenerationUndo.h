#pragma once

#include "GenerationResult.h"

#include <QSqlDatabase>

// Removes the rows a generation added — exactly those, and only while they are unchanged:
// a row edited since (or already deleted) is left alone. One transaction.
class GenerationUndo
{
public:
    // Returns how many rows were removed. Throws RowforgeError if the table is gone.
    static int undo(QSqlDatabase &db, const GenerationResult &generation);
};
