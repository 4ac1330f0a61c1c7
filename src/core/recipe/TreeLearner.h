#pragma once

#include "CopulaLearner.h"
#include "db/TableInfo.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// The joint model of the offline engine: synthpop-style sequential CART synthesis. Columns are
// visited in an order (dates, then categories, then numbers, dependencies respected; a category
// no column follows comes again last, given all of them); each one gets a decision tree over
// the columns visited before it, fitted on the real rows (Gini for categories and for NULL
// versus value, where normal scores lie and how far they spread for numbers), grown best split
// first. A leaf keeps what its rows look like as the column's own generator parameters
// (quantiles, weighted values, gaps, null rate), so new values come from real rows like the new
// row, and a number's leaf its copula (CopulaLearner): how its rank follows earlier numbers and
// dates there, which steps alone cannot show on a few rows. A leaf may also hold a table given
// one category of too many values to split on (ConditionalTableLearner): an airline given the
// airport, a latitude given the state.
class TreeLearner
{
public:
    static constexpr int MaxLeaves = 64;
    static constexpr int MinLeafRows = 5;
    static constexpr int MaxModelledColumns = 120; // wider tables: the rest stay independent
    static constexpr int LeafQuantiles = CopulaLearner::Quantiles;
    static constexpr int MaxLinkedColumns = 40;  // numbers and dates a copula may follow
    static constexpr int MinTimesOfDayRows = 30; // a leaf's own times of day, from this many

    // Adds "tree" to the entries of `columns` (a recipe's columns, generators already chosen)
    // that depend on other columns. `rows` hold values in `names` order.
    static void fit(const TableInfo &table, const QStringList &names,
                    const QList<QVariantList> &rows, QJsonObject &columns);
};
