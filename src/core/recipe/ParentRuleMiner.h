#pragma once

#include "db/TableInfo.h"

#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// Finds what holds across a foreign key in every real row: a child's date or number on one
// side of its parent's (an order placed on or after the customer signed up). Each sampled row
// is joined to its parent and RuleMiner's orderings are mined on the pairs; the ones that
// compare a child column with a parent column become after_parent / before_parent rules
// (docs/recipes.md). A plain date column that comes after its parent's date is then drawn from
// it: the parent's date plus a gap from the observed gaps (an "after" generator with a
// parent_column), so that new orders follow their customer's signup as real ones do, instead
// of crowding at the latest dates. One-column foreign keys only.
class ParentRuleMiner
{
public:
    static constexpr int MaxParentColumns = 30;

    // `rows` hold the table's values in `names` order; `columns` is the recipe's columns.
    static QJsonArray mine(QSqlDatabase &db, const TableInfo &table, const QStringList &names,
                           const QList<QVariantList> &rows, QJsonObject &columns);
};
