#pragma once

#include "db/RowidRanges.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariantList>
#include <atomic>
#include <functional>
#include <numeric>
#include <vector>

// Parents added earlier in the same transaction (several tables grown at once): the parent's
// rows from `firstRowid` on, in rowid order, and how many new children each gets.
struct NewParents
{
    qint64 firstRowid = 0;
    std::vector<int> children;
    bool inOrder = false; // children parent by parent (else shuffled)
    qint64 total() const { return std::accumulate(children.begin(), children.end(), qint64(0)); }
};

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
    // False: the caller holds the transaction (and commits it); `commit` is then ignored.
    bool ownTransaction = true;
    // By a foreign key's first column: new rows point at these parents first, each as many
    // times as its count says, and pick like existing children after that.
    QHash<QString, NewParents> newParents;
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
