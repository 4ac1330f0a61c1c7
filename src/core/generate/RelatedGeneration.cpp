#include "RelatedGeneration.h"

#include "GeneratedRows.h"
#include "RecipeGeneration.h"
#include "db/IntegrityCheck.h"
#include "db/SchemaReader.h"
#include "db/TableReferences.h"
#include "db/Transaction.h"
#include "fidelity/FidelityReporter.h"
#include "profile/ChildCounts.h"
#include "util/RowforgeError.h"

#include <QLocale>
#include <QSet>

namespace {

// A foreign key from one table of the run to another (self-references are not edges: their
// new rows point at rows that existed before).
struct Edge
{
    QString child, parent;
    ForeignKey key;
    std::vector<int> counts; // children per real parent
};

QList<Edge> edgesBetween(const QList<TableInfo> &tables)
{
    QSet<QString> names;
    for (const TableInfo &table : tables)
        names.insert(table.name);
    QList<Edge> edges;
    for (const TableInfo &table : tables) {
        for (const ForeignKey &key : table.foreignKeys) {
            if (key.parentTable != table.name && names.contains(key.parentTable))
                edges << Edge{table.name, key.parentTable, key, {}};
        }
    }
    return edges;
}

// Every rowid but those of the rows a result added.
RowidRanges allBut(const GenerationResult &result)
{
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    RowidRanges others;
    if (result.inserted < 1)
        return others;
    others.add(-Any - 1, result.firstRowid - 1);
    if (result.lastRowid < Any)
        others.add(result.lastRowid + 1, Any);
    return others;
}

bool mayBeNull(const TableInfo &table, const ForeignKey &key)
{
    return std::all_of(key.columns.begin(), key.columns.end(),
                       [&](const QString &column) { return !table.column(column)->notNull; });
}

} // namespace

QList<RelatedGeneration::Descendant> RelatedGeneration::descendants(const QList<TableInfo> &schema,
                                                                    const QString &table)
{
    QList<Descendant> found;
    QStringList queue{table};
    auto same = [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) == 0; // as SQLite compares names
    };
    for (int i = 0; i < queue.size(); ++i) {
        for (const TableReferences::Reference &reference : TableReferences::to(schema, queue[i])) {
            if (same(reference.childTable, queue[i]) || same(reference.childTable, table))
                continue;
            const auto known = std::find_if(found.begin(), found.end(), [&](const Descendant &d) {
                return same(d.table, reference.childTable);
            });
            if (known == found.end()) {
                found << Descendant{reference.childTable, {queue[i]}};
                queue << reference.childTable;
            } else if (!known->parents.contains(queue[i])) {
                known->parents << queue[i];
            }
        }
    }
    return found;
}

QList<TableInfo> RelatedGeneration::order(const QList<TableInfo> &tables)
{
    QList<Edge> edges = edgesBetween(tables);
    QList<TableInfo> ordered, left = tables;
    while (!left.isEmpty()) {
        const auto ready = std::find_if(left.begin(), left.end(), [&](const TableInfo &table) {
            return std::none_of(edges.begin(), edges.end(), [&](const Edge &edge) {
                return edge.child == table.name &&
                       std::any_of(left.begin(), left.end(), [&](const TableInfo &other) {
                           return other.name == edge.parent;
                       });
            });
        });
        if (ready != left.end()) {
            ordered << *ready;
            left.erase(ready);
            continue;
        }
        // A cycle: the first edge between the tables left whose key may be NULL is dropped.
        auto leftTable = [&](const QString &name) -> const TableInfo * {
            for (const TableInfo &table : left) {
                if (table.name == name)
                    return &table;
            }
            return nullptr;
        };
        const auto breakable = std::find_if(edges.begin(), edges.end(), [&](const Edge &edge) {
            const TableInfo *child = leftTable(edge.child);
            return child && leftTable(edge.parent) && mayBeNull(*child, edge.key);
        });
        if (breakable == edges.end()) {
            QStringList names;
            for (const TableInfo &table : left)
                names << QStringLiteral("\"%1\"").arg(table.name);
            throw RowforgeError(
                QStringLiteral("%1 reference each other through foreign keys that cannot be NULL, "
                               "so none of them can be grown first")
                    .arg(names.join(QStringLiteral(", "))));
        }
        edges.erase(breakable);
    }
    return ordered;
}

QList<GenerationResult> RelatedGeneration::run(QSqlDatabase &db, const QStringList &tableNames,
                                               const QHash<QString, int> &rows,
                                               const GenerationOptions &options, LlmClient &client)
{
    if (options.effectiveMode() == GenerationOptions::Mode::Rows)
        throw RowforgeError(QStringLiteral("Several tables are grown offline or from a recipe the "
                                           "LLM writes (mode offline or recipe), not row by row"));
    if (options.dryRun)
        throw RowforgeError(QStringLiteral("A dry run shows one table's rows; grow the tables "
                                           "without it, or one at a time"));
    if (!options.recipe.isEmpty())
        throw RowforgeError(QStringLiteral("A recipe describes one table; grow several tables "
                                           "from recipes learned or written for each"));
    QList<TableInfo> tables;
    for (const QString &name : tableNames) {
        const TableInfo table = SchemaReader::require(db, name);
        if (table.kind != TableInfo::Table)
            throw RowforgeError(
                QStringLiteral("\"%1\" is a view; Generate Data grows tables").arg(table.name));
        if (std::none_of(tables.begin(), tables.end(),
                         [&](const TableInfo &t) { return t.name == table.name; }))
            tables << table;
    }
    tables = order(tables);
    QList<Edge> edges = edgesBetween(tables);
    QHash<QString, TableInfo> byName;
    for (const TableInfo &table : tables)
        byName.insert(table.name, table);
    for (const TableInfo &table : tables) {
        const bool hasParent = std::any_of(
            edges.begin(), edges.end(), [&](const Edge &edge) { return edge.child == table.name; });
        if (!rows.contains(table.name) && !hasParent)
            throw RowforgeError(QStringLiteral("Say how many rows \"%1\" gets: none of its parents "
                                               "is grown with it")
                                    .arg(table.name));
        IntegrityCheck::requireIntact(db, table, 50);
    }
    // Children per parent, learned from real rows before anything is added.
    for (Edge &edge : edges)
        edge.counts =
            ChildCounts::perParent(db, byName[edge.child], edge.key, byName[edge.parent],
                                   GeneratedRows::before(db, byName[edge.child], options),
                                   GeneratedRows::before(db, byName[edge.parent], options));

    QRandomGenerator random = options.seed
                                  ? QRandomGenerator(options.seed)
                                  : QRandomGenerator(QRandomGenerator::global()->generate());
    QStringList names;
    for (const TableInfo &table : tables)
        names << table.name;
    Transaction transaction(
        db, QStringLiteral("the generation on %1").arg(names.join(QStringLiteral(", "))));
    QList<GenerationResult> results;
    QHash<QString, GenerationResult> grown;
    for (const TableInfo &table : tables) {
        GenerationOptions tableOptions = options;
        tableOptions.partOfRelatedRun = true;
        qint64 children = -1;
        for (const Edge &edge : edges) {
            const GenerationResult &parent = grown[edge.parent];
            if (edge.child != table.name || parent.inserted < 1 ||
                byName[edge.parent].rowidName().isEmpty())
                continue;
            NewParents newParents;
            newParents.firstRowid = parent.firstRowid;
            newParents.children = ChildCounts::draw(edge.counts, size_t(parent.inserted), random);
            // The first key sets the count and the order rows go in (ParentKeyLoader).
            newParents.inOrder = children < 0;
            if (children < 0)
                children = newParents.total();
            tableOptions.newParents.insert(edge.key.columns.first(), newParents);
        }
        const qint64 count =
            rows.contains(table.name) ? rows.value(table.name) : std::max<qint64>(children, 0);
        if (count > GenerationOptions::MaxRows)
            throw RowforgeError(QStringLiteral("\"%1\" would get %2 rows, more than the %3 one run "
                                               "can add: grow fewer parents")
                                    .arg(table.name, QLocale().toString(count),
                                         QLocale().toString(GenerationOptions::MaxRows)));
        GenerationResult result;
        result.table = table.name;
        result.mode = GenerationOptions::modeName(options.effectiveMode());
        if (count > 0) {
            tableOptions.rows = int(count);
            result = RecipeGeneration::run(db, table, tableOptions, client, random);
        }
        grown.insert(table.name, result);
        results << result;
    }
    // Each new parent's children against the real parents' (the parent table's report).
    for (const Edge &edge : edges) {
        const GenerationResult &parent = grown[edge.parent];
        const GenerationResult &child = grown[edge.child];
        if (parent.inserted < 1 || !parent.hasFidelity)
            continue;
        const std::vector<int> newCounts = ChildCounts::perParent(
            db, byName[edge.child], edge.key, byName[edge.parent], allBut(child), allBut(parent));
        for (GenerationResult &result : results) {
            if (result.table == edge.parent)
                result.fidelity.children << FidelityReporter::children(edge.child, edge.key.columns,
                                                                       edge.counts, newCounts);
        }
    }
    transaction.commit();
    for (int i = 0; i < results.size(); ++i)
        GeneratedRows::remember(db, tables[i], options, results[i]);
    return results;
}
