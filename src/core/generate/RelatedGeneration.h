#pragma once

#include "GenerationOptions.h"
#include "GenerationResult.h"
#include "db/TableInfo.h"

#include <QHash>
#include <QSqlDatabase>

class LlmClient;

// Grows several tables at once, offline or from recipes: parents before children (in the
// order of their foreign keys), each new parent given as many children as a real parent picked
// at random has (zero included), all in one transaction: every table or none. Children of
// parents outside the run, and rows past the new parents' share, pick parents like existing
// children do.
class RelatedGeneration
{
public:
    // A table below another through foreign keys, with its parents among the table and the
    // tables listed before it.
    struct Descendant
    {
        QString table;
        QStringList parents;
    };
    // The tables whose rows point at `table`, then theirs, and so on (each once, nearest
    // first; self-references and `table` itself left out): what Generate Data… offers to grow
    // with it.
    static QList<Descendant> descendants(const QList<TableInfo> &schema, const QString &table);

    // Parents first; the given order otherwise. A cycle between the tables is broken at a
    // foreign key that may be NULL (its rows point at existing parents); without one it is an
    // error.
    static QList<TableInfo> order(const QList<TableInfo> &tables);

    // `rows` by table: tables with a parent in the run may leave it out to get their new
    // parents' children; the others need one.
    static QList<GenerationResult> run(QSqlDatabase &db, const QStringList &tables,
                                       const QHash<QString, int> &rows,
                                       const GenerationOptions &options, LlmClient &client);
};
