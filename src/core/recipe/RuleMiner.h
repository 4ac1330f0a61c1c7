#pragma once

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Finds what holds in every real row, over enough rows that chance cannot explain it, and
// writes it as recipe rules (docs/recipes.md): orderings (a <= b for numbers, dates and
// times), columns that never hold the same value (a home and an away team), functional
// dependencies (city -> country; origin and destination -> distance), NULLs tied to a category
// (pending => shipped_at IS NULL), prefixes tied to a category (a city's phone prefix), sums,
// differences and products, date granularity (1st of the month, whole hours, weekdays) and
// dates that parse in their layout. The engine keeps them in new rows; the fidelity report
// scores how many new rows keep each. Each family of rules has its miner (OrderRuleMiner,
// DependencyRuleMiner, CategoryRuleMiner, ArithmeticRuleMiner, DateRuleMiner); this runs them.
class RuleMiner
{
public:
    static constexpr int MinRows = 20;
    // Orders are mined from fewer rows: the chance test alone keeps out those that could be
    // accidents, and a small table of reigns or price ranges still must not put an end first.
    static constexpr int MinOrderRows = 10;
    static constexpr double Chance = 1e-3; // at most this likely by accident
    static constexpr int MaxPairColumns = 60;
    static constexpr int MaxFormulaColumns = 25;
    static constexpr int MaxMapEntries = 2000;
    // A pair of columns as a key: the first this many categories, up to this many pairs.
    static constexpr int MaxPairKeyColumns = 16;
    static constexpr int MaxPairMapEntries = 5000;

    // `rows` hold values in `names` order.
    static QJsonArray mine(const QStringList &names, const QList<QVariantList> &rows);
    // Only the orderings (a <= b) among the columns. Columns with few distinct values are left
    // out (codes ordered by chance), except the first `repeatedFrom` on: their values repeat
    // by design (a parent's columns, once per child).
    static QJsonArray orders(const QStringList &names, const QList<QVariantList> &rows,
                             int repeatedFrom = -1);
};
