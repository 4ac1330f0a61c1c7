#pragma once

#include "MinedColumn.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// A date column's granularity (the 1st of the month, whole hours, weekdays only) and its layout, so
// that new dates fall on the same kind of day and parse. Each appends the rules it finds to
// `rules`; RuleMiner runs them all.
class DateRuleMiner
{
public:
    // Granularity and layout of every date column.
    static void dates(const QStringList &names, const std::vector<MinedColumn> &columns,
                      QJsonArray &rules);
};
