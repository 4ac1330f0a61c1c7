#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Finds whole numbers with few values that are another whole number plus a few offsets (a
// forecast year is its budget year minus one to plus ten: 12 offsets against 41 years) and
// adds "plus" and "offsets" to their choice: drawn as the other value plus an observed offset.
// A tree over categories cannot say this: each of its leaves holds a range of years, so the
// offsets within it spread across the range.
class OffsetLearner
{
public:
    // Kept when the offsets explain the held-out values better than the column's own
    // frequencies, and than a table of them given the other value, by this many nats, as a
    // conditional table must (e^20). A survey's second answer that repeats the first half the
    // time is such a table, not an offset.
    static constexpr double MinGain = 20;
    static constexpr double TablePrior = 2;
    static constexpr int MinRows = 20;
    // Columns of whole numbers looked at, both ways: pairs cost a pass over the rows each.
    static constexpr int MaxColumns = 60;
    static void link(const QStringList &names, const QList<QVariantList> &rows,
                     QJsonObject &columns);
};
