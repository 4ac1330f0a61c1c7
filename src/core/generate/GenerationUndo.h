#pragma once

#include "GenerationResult.h"

#include <QSqlDatabase>

#include <atomic>
#include <functional>

// Removes the rows a generation added — exactly those, and only while they are unchanged:
// a row edited since (or already deleted) is left alone. One transaction.
class GenerationUndo
{
public:
    // Called on the caller's thread every few thousand rows.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Returns how many rows were removed. Throws RowforgeError if the table is gone, and
    // "Undo cancelled" (nothing removed) once `cancelled` is set.
    static int undo(QSqlDatabase &db, const GenerationResult &generation,
                    const Progress &progress = {}, const std::atomic<bool> *cancelled = nullptr);
};
