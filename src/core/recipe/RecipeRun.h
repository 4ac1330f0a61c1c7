#pragma once

#include "db/RowidRanges.h"

#include <QList>
#include <QStringList>
#include <QVariantList>
#include <atomic>
#include <functional>

// What a recipe run is asked to do, and what it did.
struct RecipeRunOptions
{
    qint64 rows = 10;
    bool commit = true; // false: insert inside a transaction that is rolled back (preview)
    // Rows kept in the result (for preview, --dry-run and Undo Generation).
    qint64 keepRows = 100000;
    std::function<void(qint64 done, qint64 total)> progress; // called from the worker thread
    const std::atomic<bool> *cancelled = nullptr;
    // Rows of the table Rowforge generated earlier: not counted as children of their parents
    // when new rows pick parents like the existing ones.
    RowidRanges generated;
};

struct RecipeRunResult
{
    QStringList columns;
    qint64 inserted = 0;
    qint64 rejected = 0;          // rows refused by a constraint or as copies, then replaced
    QStringList rejectionReasons; // distinct, most frequent first
    QList<qint64> rowids;         // the first keepRows inserted rows
    QList<QVariantList> rows;     // their values, in columns order
    qint64 firstRowid = 0, lastRowid = 0;
};
