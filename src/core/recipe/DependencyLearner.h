#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>
#include <QList>
#include <QVariantList>

// Finds strongly related column pairs in observed rows and rewrites their recipe entries so
// that they are generated together: a categorical column drawn given another (a city given
// its country: Cramér's V >= 0.5), and an ordered pair (an end after its start: the later one
// is >= the earlier in 99% of rows) drawn as the earlier value plus an observed gap.
class DependencyLearner
{
public:
    static constexpr double MinCramersV = 0.8;
    static constexpr double MinOrdered = 0.99;
    static constexpr int MinPairs = 20;
    // An order needs fewer: ten pairs all in order are unlikely by chance (1 in 1,000 for two
    // columns drawn alike), and a twelve-row table of reigns must not end one before it began.
    static constexpr int MinOrderedPairs = 10;
    // A text column with up to this many distinct, repeating values may become a choice given
    // another column.
    static constexpr int MaxDependentValues = 1000;

    static void link(const TableInfo &table, const QStringList &names,
                     const QList<QVariantList> &rows, QJsonObject &columns);
    static double cramersV(const QList<QVariantList> &rows, int a, int b);
};
