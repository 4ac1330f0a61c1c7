#pragma once

#include "MinedColumn.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Arithmetic between numbers: a column that is the sum, difference or product of two others, and an
// amount within a range per item (rule per). Each appends the rules it finds to `rules`; RuleMiner
// runs them all.
class ArithmeticRuleMiner
{
public:
    // c = a + b, a - b or a * b.
    static void formulas(const QStringList &names, const std::vector<MinedColumn> &columns,
                         QJsonArray &rules);
    // a / n within [min, max], n a count.
    static void per(const QStringList &names, const std::vector<MinedColumn> &columns,
                    QJsonArray &rules);
};
