#pragma once

#include "MinedColumn.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// What a category fixes in another column: NULL or a value (pending => shipped_at IS NULL), and the
// first words of a text (a city's phone prefix). Each appends the rules it finds to `rules`;
// RuleMiner runs them all.
class CategoryRuleMiner
{
public:
    // a's values with which b is always NULL, or never.
    static void nulls(const QStringList &names, const QList<QVariantList> &rows,
                      const std::vector<MinedColumn> &columns, QJsonArray &rules);
    // The first k words of b fixed by a.
    static void prefixes(const QStringList &names, const QList<QVariantList> &rows,
                         const std::vector<MinedColumn> &columns, QJsonArray &rules);
};
