#pragma once

#include "MinedColumn.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Functional dependencies: one column's value fixes another's (city -> country), or a pair of
// categories fixes a third that neither fixes alone (origin and destination -> distance). Each
// appends the rules it finds to `rules`; RuleMiner runs them all.
class DependencyRuleMiner
{
public:
    // a -> b.
    static void single(const QStringList &names, const QList<QVariantList> &rows,
                       const std::vector<MinedColumn> &columns, QJsonArray &rules);
    // (a, b) -> c.
    static void pairs(const QStringList &names, const QList<QVariantList> &rows,
                      const std::vector<MinedColumn> &columns, QJsonArray &rules);
};
