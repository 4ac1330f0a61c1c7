#pragma once

#include "ValueGenerator.h"
#include "db/SqlAffinity.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <functional>
#include <memory>

// A column drawn given other columns of the same row: a decision tree over columns generated
// before it (synthpop's sequential CART synthesis) whose leaves are generators of their own,
// each learned from the real rows that fall into it. So a "free" plan's spend comes from the
// free plans' spends, a heavy car's horsepower from heavy cars, and a NULL from the rows
// where that column is NULL (each leaf has its own null rate).
//
// In a recipe: "tree": {"column": "plan", "in": ["free"], "then": NODE, "else": NODE} or
// {"column": "weight", "at_most": 3200, ...} or, for a date column's season,
// {"column": "date", "part": "month", "in": [6, 7, 8], ...}; a leaf is an object without "column"
// whose keys replace the column's own (quantiles, values, gaps, null_rate).
class ConditionalGenerator : public ValueGenerator
{
public:
    struct Leaf
    {
        double nullRate = 0;
        std::unique_ptr<ValueGenerator> generator;
    };
    // Makes a leaf's generator from the column's entry merged with the leaf; `where` names the
    // leaf in error messages (columns.spend.tree.then.else).
    using LeafFactory = std::function<std::unique_ptr<ValueGenerator>(const QJsonObject &spec,
                                                                      const QString &where)>;
    struct Scope
    {
        QString column;
        const QHash<QString, int> &index;
        std::function<SqlAffinity::Kind(int)> affinity; // of a recipe column, for "in" values
        LeafFactory makeLeaf;
        bool notNull = false;
    };

    static std::unique_ptr<ConditionalGenerator> build(const QJsonObject &columnSpec,
                                                       const Scope &scope);

    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override;
    std::vector<int> dependencies() const override;
    quint64 context(const std::vector<GeneratedValue> &row) const override;
    int leafCount() const { return int(m_leaves.size()); }

private:
    struct Node
    {
        int column = -1; // -1 for a leaf
        QString part;    // empty, or the month, weekday or hour of a date column
        bool numeric = false;
        double atMost = 0;
        QSet<QByteArray> keys;
        bool nullGoesThen = false;
        int then = -1, otherwise = -1, leaf = -1;
    };
    int leafOf(const std::vector<GeneratedValue> &row) const;
    int read(const QJsonObject &node, const QJsonObject &base, const QString &where,
             const Scope &scope, int depth);

    std::vector<Node> m_nodes;
    std::vector<Leaf> m_leaves;
};
