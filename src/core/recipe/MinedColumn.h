#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <vector>

// A column as the rule miners see it: numbers, dates (as seconds, in the one layout every value
// parses in) or text, each value also as text, and whether it has few distinct values.
struct MinedColumn
{
    enum class Kind { Empty, Number, Date, Text };

    Kind kind = Kind::Empty;
    QString format;            // dates
    std::vector<double> value; // numbers and dates (seconds); NaN for NULL
    QStringList text;          // every value as text ("" for NULL)
    std::vector<bool> null;
    int distinct = 0;
    int decimals = 0;
    bool category = false; // few distinct values

    // `rows` hold values in `names` order.
    static std::vector<MinedColumn> describe(const QStringList &names,
                                             const QList<QVariantList> &rows);
};
