#include "GivenTextLearner.h"

#include "ConditionalTableLearner.h"
#include "StartsWithLearner.h"
#include "TreeColumn.h"

#include <numeric>

namespace {

bool isUnique(const TableInfo &table, const QString &name)
{
    const ColumnInfo *column = table.column(name);
    return column && (column->unique || (column->isPrimaryKey() && table.primaryKey().size() == 1));
}

} // namespace

void GivenTextLearner::link(const TableInfo &table, const QStringList &names,
                            const QList<QVariantList> &rows, QJsonObject &columns)
{
    QHash<QString, int> index;
    for (int c = 0; c < names.size(); ++c)
        index.insert(names[c], c);
    // Categories of text (a category of numbers says nothing of words); sized once, so that
    // the parents' pointers stay valid.
    std::vector<TreeColumn> encoded(size_t(names.size()));
    std::vector<ConditionalTableLearner::Parent> parents;
    for (int c = 0; c < names.size(); ++c) {
        const QJsonObject spec = columns.value(names[c]).toObject();
        if (TreeColumn::generatorOf(spec) != QLatin1String("choice"))
            continue;
        const bool notNull = table.column(names[c]) && table.column(names[c])->notNull;
        encoded[size_t(c)] = TreeColumn::encode(spec, rows, c, index, notNull);
        if (encoded[size_t(c)].categoricalPredictor && !encoded[size_t(c)].numericPredictor)
            parents.push_back({c, &encoded[size_t(c)]});
    }
    if (parents.empty())
        return;
    std::vector<int> all(size_t(rows.size()));
    std::iota(all.begin(), all.end(), 0);
    for (int y = 0; y < names.size(); ++y) {
        QJsonObject spec = columns.value(names[y]).toObject();
        const QString generator = TreeColumn::generatorOf(spec);
        if ((generator != QLatin1String("words") && generator != QLatin1String("template")) ||
            spec.contains(QLatin1String("given")))
            continue;
        const int head = index.value(
            spec.value(QLatin1String("starts_with")).toObject().value(u"column").toString(), -1);
        QStringList texts;
        texts.reserve(rows.size());
        for (const QVariantList &row : rows) {
            QString text = row[y].isNull() ? QString() : row[y].toString();
            if (head >= 0 && StartsWithLearner::startsWith(text, row[head].toString()))
                text.clear();
            texts << text;
        }
        const QJsonObject given =
            generator == QLatin1String("words")
                ? ConditionalTableLearner::fitWords(texts, all, parents, names)
                : ConditionalTableLearner::fitCodes(texts, all, parents, names,
                                                    isUnique(table, names[y]));
        if (given.isEmpty())
            continue;
        for (auto it = given.constBegin(); it != given.constEnd(); ++it)
            spec.insert(it.key(), it.value());
        columns.insert(names[y], spec);
    }
}
