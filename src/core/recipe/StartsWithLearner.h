#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Finds text columns whose values begin with another column's value in the same row (an airport
// named after its city: "Crossett Municipal" in Crossett) and adds "starts_with" to their recipe
// entry: that column, the share of values made that way and the tails that follow it. The
// column's own words are then learned from its other values, so that those stay alike too.
class StartsWithLearner
{
public:
    // Share of rows beyond what pairing each value with another row's column gives by chance.
    static constexpr double MinShare = 0.2;
    static constexpr int MinRows = 20;
    static constexpr int MaxTails = 200;
    static void link(const TableInfo &table, const QStringList &names,
                     const QList<QVariantList> &rows, QJsonObject &columns);
    // Whether `text` is `head` alone or followed by a character that is no letter or digit:
    // "Crossett Municipal" starts with "Crossett", "Crossetti" does not.
    static bool startsWith(const QString &text, const QString &head);
};
