#include "ConditionalGenerator.h"

#include "DateParts.h"
#include "GeneratorSpec.h"
#include "RecipeValue.h"
#include "RowHashSet.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <cmath>

namespace {

constexpr int MaxDepth = 64;

[[noreturn]] void fail(const QString &where, const QString &problem)
{
    throw RowforgeError(QStringLiteral("Recipe: %1 %2").arg(where, problem));
}

} // namespace

std::unique_ptr<ConditionalGenerator> ConditionalGenerator::build(const QJsonObject &columnSpec,
                                                                  const Scope &scope)
{
    const QString where = QStringLiteral("columns.%1.tree").arg(scope.column);
    if (!columnSpec.value(QLatin1String("tree")).isObject())
        fail(where, QStringLiteral("must be an object (a split or a leaf)"));
    QJsonObject base = columnSpec;
    base.remove(QStringLiteral("tree"));
    auto generator = std::make_unique<ConditionalGenerator>();
    generator->read(columnSpec.value(QLatin1String("tree")).toObject(), base, where, scope, 0);
    return generator;
}

int ConditionalGenerator::read(const QJsonObject &node, const QJsonObject &base,
                               const QString &where, const Scope &scope, int depth)
{
    if (depth > MaxDepth)
        fail(where, QStringLiteral("is nested more than %1 levels deep").arg(MaxDepth));
    const int self = int(m_nodes.size());
    m_nodes.emplace_back();
    if (!node.contains(QLatin1String("column"))) {
        QJsonObject spec = base;
        for (auto it = node.constBegin(); it != node.constEnd(); ++it) {
            if (it.key() != QLatin1String("rows"))
                spec.insert(it.key(), it.value());
        }
        Leaf leaf;
        const QJsonValue nullRate = spec.take(QStringLiteral("null_rate"));
        if (!nullRate.isUndefined()) {
            if (!nullRate.isDouble() || nullRate.toDouble() < 0 || nullRate.toDouble() > 1)
                fail(where + QStringLiteral(".null_rate"),
                     QStringLiteral("must be a number between 0 and 1"));
            leaf.nullRate = nullRate.toDouble();
            if (leaf.nullRate > 0 && scope.notNull)
                fail(where + QStringLiteral(".null_rate"),
                     QStringLiteral("must be 0: the column is NOT NULL"));
        }
        // A leaf that is always NULL needs no values of its own.
        if (leaf.nullRate < 1)
            leaf.generator = scope.makeLeaf(spec, where.mid(int(qstrlen("columns."))));
        m_nodes[size_t(self)].leaf = int(m_leaves.size());
        m_leaves.push_back(std::move(leaf));
        return self;
    }
    const QString columnName = node.value(QLatin1String("column")).toString();
    const auto found = scope.index.constFind(columnName);
    if (found == scope.index.constEnd())
        fail(where + QStringLiteral(".column"),
             QStringLiteral("names \"%1\", which is not a column of the recipe").arg(columnName));
    if (columnName == scope.column)
        fail(where + QStringLiteral(".column"), QStringLiteral("cannot name its own column"));
    Node split;
    split.column = found.value();
    split.part = node.value(QLatin1String("part")).toString();
    if (!split.part.isEmpty() && split.part != QLatin1String("month") &&
        split.part != QLatin1String("weekday") && split.part != QLatin1String("hour"))
        fail(where + QStringLiteral(".part"), QStringLiteral("must be month, weekday or hour"));
    if (node.contains(QLatin1String("at_most"))) {
        const QJsonValue limit = node.value(QLatin1String("at_most"));
        double seconds = 0;
        if (limit.isDouble() && std::isfinite(limit.toDouble()))
            split.atMost = limit.toDouble();
        else if (limit.isString() && GeneratorSpec::parseIsoSeconds(limit.toString(), &seconds))
            split.atMost = seconds;
        else
            fail(where + QStringLiteral(".at_most"),
                 QStringLiteral("must be a number or an ISO 8601 date"));
        split.numeric = true;
        split.nullGoesThen = node.value(QLatin1String("null")).toString() == QLatin1String("then");
    } else if (node.value(QLatin1String("in")).isArray()) {
        for (const QJsonValue &value : node.value(QLatin1String("in")).toArray()) {
            if (value.isNull())
                split.nullGoesThen = true;
            else if (!split.part.isEmpty())
                split.keys.insert(QByteArray::number(value.toInt()));
            else
                split.keys.insert(RecipeValue::fromJson(value, scope.affinity(split.column)).key());
        }
    } else {
        fail(where, QStringLiteral("needs \"in\" (a list of values) or \"at_most\" (a number or "
                                   "date) to split on \"%1\"")
                        .arg(columnName));
    }
    for (const char *branch : {"then", "else"}) {
        const QJsonValue child = node.value(QLatin1String(branch));
        if (!child.isObject())
            fail(where + u'.' + QLatin1String(branch),
                 QStringLiteral("must be an object (a split or a leaf)"));
    }
    m_nodes[size_t(self)] = split;
    const int then = read(node.value(QLatin1String("then")).toObject(), base,
                          where + QStringLiteral(".then"), scope, depth + 1);
    const int otherwise = read(node.value(QLatin1String("else")).toObject(), base,
                               where + QStringLiteral(".else"), scope, depth + 1);
    m_nodes[size_t(self)].then = then;
    m_nodes[size_t(self)].otherwise = otherwise;
    return self;
}

int ConditionalGenerator::leafOf(const std::vector<GeneratedValue> &row) const
{
    const Node *node = &m_nodes.front();
    while (node->leaf < 0) {
        const GeneratedValue &value = row[size_t(node->column)];
        bool then = false;
        if (value.type == GeneratedValue::Null)
            then = node->nullGoesThen;
        else if (!node->part.isEmpty() && node->numeric)
            then = DateParts::of(value.order, node->part) <= node->atMost;
        else if (!node->part.isEmpty())
            then = node->keys.contains(QByteArray::number(DateParts::of(value.order, node->part)));
        else if (node->numeric)
            then = value.order <= node->atMost;
        else
            then = node->keys.contains(value.key());
        node = &m_nodes[size_t(then ? node->then : node->otherwise)];
    }
    return node->leaf;
}

quint64 ConditionalGenerator::context(const std::vector<GeneratedValue> &row) const
{
    const int leaf = leafOf(row);
    const ValueGenerator *generator = m_leaves[size_t(leaf)].generator.get();
    return RowHashSet::combine(quint64(leaf) + 1, generator ? generator->context(row) : 0);
}

void ConditionalGenerator::generate(const std::vector<GeneratedValue> &row,
                                    QRandomGenerator &random, GeneratedValue &out)
{
    const Leaf &leaf = m_leaves[size_t(leafOf(row))];
    if (!leaf.generator || (leaf.nullRate > 0 && random.generateDouble() < leaf.nullRate))
        out.setNull();
    else
        leaf.generator->generate(row, random, out);
}

std::vector<int> ConditionalGenerator::dependencies() const
{
    std::vector<int> columns;
    for (const Node &node : m_nodes) {
        if (node.column >= 0)
            columns.push_back(node.column);
    }
    for (const Leaf &leaf : m_leaves) {
        if (leaf.generator) {
            const std::vector<int> more = leaf.generator->dependencies();
            columns.insert(columns.end(), more.begin(), more.end());
        }
    }
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    return columns;
}
