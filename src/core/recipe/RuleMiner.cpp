#include "RuleMiner.h"

#include "ArithmeticRuleMiner.h"
#include "CategoryRuleMiner.h"
#include "DateRuleMiner.h"
#include "DependencyRuleMiner.h"
#include "MinedColumn.h"
#include "OrderRuleMiner.h"

QJsonArray RuleMiner::mine(const QStringList &names, const QList<QVariantList> &rows)
{
    QJsonArray rules;
    if (rows.size() < MinOrderRows)
        return rules;
    const std::vector<MinedColumn> columns = MinedColumn::describe(names, rows);
    DateRuleMiner::dates(names, columns, rules);
    OrderRuleMiner::orders(names, columns, rules);
    OrderRuleMiner::differs(names, columns, rules);
    DependencyRuleMiner::single(names, rows, columns, rules);
    DependencyRuleMiner::pairs(names, rows, columns, rules);
    CategoryRuleMiner::nulls(names, rows, columns, rules);
    CategoryRuleMiner::prefixes(names, rows, columns, rules);
    ArithmeticRuleMiner::formulas(names, columns, rules);
    ArithmeticRuleMiner::per(names, columns, rules);
    return rules;
}

QJsonArray RuleMiner::orders(const QStringList &names, const QList<QVariantList> &rows,
                             int repeatedFrom)
{
    QJsonArray rules;
    if (rows.size() < MinOrderRows)
        return rules;
    std::vector<MinedColumn> columns = MinedColumn::describe(names, rows);
    for (int c = std::max(0, repeatedFrom); repeatedFrom >= 0 && c < int(columns.size()); ++c)
        columns[size_t(c)].category = false;
    OrderRuleMiner::orders(names, columns, rules);
    return rules;
}
