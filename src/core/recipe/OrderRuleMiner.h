#pragma once

#include "MinedColumn.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Orderings and differences between two columns: a <= b over numbers, dates and times (a start
// before its end, a minimum under its maximum), and a != b over the same values (a home and an away
// team). Each appends the rules it finds to `rules`; RuleMiner runs them all.
class OrderRuleMiner
{
public:
    // a <= b (a < b where no row ties) for every pair of numbers or dates that holds it in every
    // row, where the marginals alone would seldom order them so.
    static void orders(const QStringList &names, const std::vector<MinedColumn> &columns,
                       QJsonArray &rules);
    // a != b: two columns over the same values that never hold the same one in a row.
    static void differs(const QStringList &names, const std::vector<MinedColumn> &columns,
                        QJsonArray &rules);
};
