#include "ParentKeyLoader.h"

#include "RecipeValue.h"
#include "RowHashSet.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "profile/RowSampler.h"
#include "util/RowforgeError.h"

#include <QSet>
#include <QSqlQuery>

namespace {

quint64 keyHash(const std::vector<GeneratedValue> &key)
{
    quint64 hash = 0;
    for (const GeneratedValue &value : key)
        hash = RowHashSet::combine(hash, RowHashSet::hashValue(value));
    return hash;
}

} // namespace

std::shared_ptr<ParentKeys> ParentKeyLoader::load(QSqlDatabase &db, const TableInfo &table,
                                                  const ForeignKey &key,
                                                  const QStringList &parentColumns,
                                                  const RowidRanges *generated,
                                                  QRandomGenerator &random, qint64 newParentsFrom)
{
    const TableInfo parent = SchemaReader::require(db, key.parentTable);
    for (const QString &column : parentColumns) {
        if (!parent.column(column))
            throw RowforgeError(QStringLiteral("Recipe: names the parent column \"%1\", which "
                                               "\"%2\" does not have")
                                    .arg(column, parent.name));
    }
    const int keySize = int(key.parentColumns.size());
    auto toValues = [](const QVariantList &row, int from, int to) {
        std::vector<GeneratedValue> values;
        for (int i = from; i < to; ++i)
            values.push_back(RecipeValue::fromVariant(row[i]));
        return values;
    };
    auto isNull = [](const GeneratedValue &v) { return v.type == GeneratedValue::Null; };
    std::vector<std::pair<std::vector<GeneratedValue>, std::vector<GeneratedValue>>> rows;
    for (const QVariantList &row :
         RowSampler::sample(db, parent, ParentKeyLoader::ParentKeySample, random,
                            key.parentColumns + parentColumns, std::numeric_limits<qint64>::min(),
                            newParentsFrom - 1)) {
        std::vector<GeneratedValue> values = toValues(row, 0, keySize);
        if (std::none_of(values.begin(), values.end(), isNull))
            rows.emplace_back(std::move(values), toValues(row, keySize, int(row.size())));
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        for (size_t i = 0; i < a.first.size(); ++i) {
            if (a.first[i].order != b.first[i].order)
                return a.first[i].order < b.first[i].order;
            if (a.first[i].bytes != b.first[i].bytes)
                return a.first[i].bytes < b.first[i].bytes;
        }
        return false;
    });
    auto parents = std::make_shared<ParentKeys>();
    for (auto &[keyValues, attributes] : rows) {
        parents->keys.push_back(std::move(keyValues));
        parents->attributes.push_back(std::move(attributes));
    }
    parents->indexKeys();
    if (!generated)
        return parents;
    // Children per parent, counted on a sample of the existing children.
    QHash<quint64, size_t> position;
    for (size_t i = 0; i < parents->keys.size(); ++i)
        position.insert(keyHash(parents->keys[i]), i);
    std::vector<double> children(parents->keys.size(), 0);
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    for (const QVariantList &row :
         RowSampler::sample(db, table, ParentKeyLoader::ParentKeySample, random, key.columns,
                            -Any - 1, Any, *generated)) {
        const auto it = position.constFind(keyHash(toValues(row, 0, int(row.size()))));
        if (it != position.constEnd())
            ++children[*it];
    }
    parents->setWeights(children);
    return parents;
}

void ParentKeyLoader::pointAtNewParents(QSqlDatabase &db, const ForeignKey &key,
                                        const QStringList &parentColumns,
                                        const NewParents &newParents, ParentKeys &parents,
                                        const qint64 *stored, QRandomGenerator &random)
{
    const TableInfo parent = SchemaReader::require(db, key.parentTable);
    QStringList quoted;
    for (const QString &column : key.parentColumns + parentColumns)
        quoted << SqlIdentifier::quote(column);
    QSqlQuery query = SqlExec::exec(db,
                                    QStringLiteral("SELECT %1 FROM %2 WHERE %3 >= ? ORDER BY %3")
                                        .arg(quoted.join(u','), SqlIdentifier::quote(parent.name),
                                             SqlIdentifier::quote(parent.rowidName())),
                                    {newParents.firstRowid});
    QHash<quint64, size_t> position;
    for (size_t i = 0; i < parents.keys.size(); ++i)
        position.insert(keyHash(parents.keys[i]), i);
    const int keySize = int(key.parentColumns.size());
    std::vector<size_t> keyOfRow;
    for (size_t row = 0; row < newParents.children.size() && query.next(); ++row) {
        std::vector<GeneratedValue> keyValues, attributes;
        for (int c = 0; c < keySize + int(parentColumns.size()); ++c)
            (c < keySize ? keyValues : attributes)
                .push_back(RecipeValue::fromVariant(query.value(c)));
        const quint64 hash = keyHash(keyValues);
        auto it = position.constFind(hash);
        if (it == position.constEnd()) {
            it = position.insert(hash, parents.keys.size());
            parents.keys.push_back(std::move(keyValues));
            parents.attributes.push_back(std::move(attributes));
        }
        keyOfRow.insert(keyOfRow.end(), size_t(newParents.children[row]), *it);
    }
    // Children go in parent by parent, as an application writes them: the child's index on
    // the key then grows at its end instead of all over (100,000 customers with their orders:
    // 5.0 s shuffled, 4.2 s in order). A second key into the same parents is shuffled, or a
    // row would point twice at one parent (a flight from and to one airport). A row whose
    // draw is refused still trades its parent with a random later row (ParentKeys::pick).
    for (size_t i = keyOfRow.size(); !newParents.inOrder && i > 1; --i)
        std::swap(keyOfRow[i - 1], keyOfRow[size_t(random.bounded(quint64(i)))]);
    parents.indexKeys();
    parents.setSlots(std::move(keyOfRow), stored);
}

std::shared_ptr<ParentKeys> ParentKeyLoader::lookUp(QSqlDatabase &db, const ForeignKey &key,
                                                    const QStringList &parentColumns,
                                                    const QVariantList &values)
{
    auto parents = std::make_shared<ParentKeys>();
    parents->table = key.parentTable;
    parents->attributeNames = parentColumns;
    if (key.parentColumns.size() != 1)
        return parents;
    QStringList quoted;
    for (const QString &column : parentColumns)
        quoted << SqlIdentifier::quote(column);
    QSqlQuery lookup(db);
    lookup.setForwardOnly(true);
    if (!lookup.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                            .arg(quoted.isEmpty() ? QStringLiteral("1") : quoted.join(u','),
                                 SqlIdentifier::quote(key.parentTable),
                                 SqlIdentifier::quote(key.parentColumns.first()))))
        return parents;
    QSet<QByteArray> done;
    for (const QVariant &value : values) {
        const GeneratedValue keyValue = RecipeValue::fromVariant(value);
        if (keyValue.type == GeneratedValue::Null || done.contains(keyValue.key()))
            continue;
        done.insert(keyValue.key());
        lookup.addBindValue(value);
        if (lookup.exec() && lookup.next()) {
            std::vector<GeneratedValue> attributes;
            for (int c = 0; c < parentColumns.size(); ++c)
                attributes.push_back(RecipeValue::fromVariant(lookup.value(c)));
            parents->keys.push_back({keyValue});
            parents->attributes.push_back(std::move(attributes));
        }
        lookup.finish();
    }
    parents->indexKeys();
    return parents;
}
