#pragma once

#include "db/RowidRanges.h"
#include "db/TableInfo.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariantList>

// The offline generator's learning half: reads the table (all of it when small, a uniform
// random sample when large) and writes a recipe whose generators reproduce what it saw:
// empirical distributions, frequencies, formats, sequences, foreign keys, null rates and
// related column pairs. Running that recipe (RecipeRunner) is the generating half.
class RecipeLearner
{
public:
    static constexpr int SampleRows = 5000;
    static constexpr int Quantiles = 101;

    // Rows in `leaveOut` (earlier generated ones) are not learned from, unless the table has
    // no others; the recipe then says "learned_from_generated": true.
    static QJsonObject learn(QSqlDatabase &db, const TableInfo &table, QRandomGenerator &random,
                             const RowidRanges &leaveOut = {});
    // The same from rows already read (values in RecipeCompiler::generatedColumns order).
    // `maxima` holds the largest existing value of integer key columns, for sequences.
    // `lastValues` holds the largest existing value of unique ISO date columns, for series;
    // `sampledShare` the share of the table's rows that `rows` are.
    static QJsonObject learnFromRows(const TableInfo &table, const QList<QVariantList> &rows,
                                     const QHash<QString, qint64> &maxima = {},
                                     const QHash<QString, QString> &lastValues = {},
                                     double sampledShare = 1);
    // True when the recipe was made from column names and types alone (an empty table).
    static bool isSchemaOnly(const QJsonObject &recipe);
};
