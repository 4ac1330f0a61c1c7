#pragma once

#include "ParentKeys.h"
#include "RecipeRun.h"
#include "db/TableInfo.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <limits>
#include <memory>

// Reads what a foreign key column draws from: the parent's keys, the parent columns that
// rules and generators compare with, and how many children each parent has.
class ParentKeyLoader
{
public:
    // Parent keys of a foreign key: all of them up to this many, else a uniform sample.
    static constexpr int ParentKeySample = 100000;

    // Parent keys in key order (a seed must give the same rows every time; sampling order is
    // random), each with `parentColumns` in that order, and, unless `generated` is null,
    // weighted by the existing children of `table` each has (those generated earlier, in
    // `generated`, left out). Parents from `newParentsFrom` on (grown in the same run, given to
    // pointAtNewParents) are left out: they have no children yet. Throws RowforgeError when a
    // parent column does not exist.
    static std::shared_ptr<ParentKeys>
    load(QSqlDatabase &db, const TableInfo &table, const ForeignKey &key,
         const QStringList &parentColumns, const RowidRanges *generated, QRandomGenerator &random,
         qint64 newParentsFrom = std::numeric_limits<qint64>::max());
    // The parents of one-column foreign key values (the fidelity report's rows), each with
    // `parentColumns`; values without a parent are left out.
    static std::shared_ptr<ParentKeys> lookUp(QSqlDatabase &db, const ForeignKey &key,
                                              const QStringList &parentColumns,
                                              const QVariantList &values);
    // Fixes the parent of each new row (`stored`: the number of rows stored so far): every new
    // parent as many times as its count says, parent by parent when `newParents.inOrder`, else
    // in random order; rows past them pick like existing children.
    static void pointAtNewParents(QSqlDatabase &db, const ForeignKey &key,
                                  const QStringList &parentColumns, const NewParents &newParents,
                                  ParentKeys &parents, const qint64 *stored,
                                  QRandomGenerator &random);
};
