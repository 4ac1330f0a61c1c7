#include "EngineColumns.h"

#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "profile/RowSampler.h"

#include <QJsonArray>
#include <QUuid>

EngineColumns::EngineColumns(QSqlDatabase &db, const GenerationContext &context,
                             QRandomGenerator &random)
    : m_random(random)
{
    const TableInfo &table = context.table;
    for (const ForeignKey &fk : table.foreignKeys) {
        if (!std::all_of(fk.columns.begin(), fk.columns.end(),
                         [&](const QString &c) { return context.columns.contains(c); }))
            continue;
        const std::optional<TableInfo> parent = SchemaReader::read(db, fk.parentTable);
        if (!parent)
            continue; // SQLite will say what is wrong
        const QStringList parentColumns =
            fk.parentColumns.isEmpty() ? parent->primaryKey() : fk.parentColumns;
        ParentKey key{fk.columns, {}};
        for (const QVariantList &row :
             RowSampler::sample(db, *parent, ParentSample, random, parentColumns)) {
            QJsonArray values;
            bool complete = true;
            for (const QVariant &value : row) {
                complete = complete && !value.isNull();
                values << QJsonValue::fromVariant(value);
            }
            if (complete)
                key.keys << values;
        }
        if (key.keys.isEmpty())
            continue; // no parents: the model is told, and the insert explains
        m_names << fk.columns;
        m_parents.push_back(std::move(key));
    }
    for (const QString &name : context.columns) {
        const ColumnInfo *column = table.column(name);
        if (m_names.contains(name))
            continue;
        const bool singleKey = std::any_of(
            table.uniqueKeys.begin(), table.uniqueKeys.end(),
            [&](const UniqueKey &key) { return !key.partial && key.columns == QStringList{name}; });
        if (singleKey && column->affinity == SqlAffinity::Integer) {
            QSqlQuery query = SqlExec::exec(
                db, QStringLiteral("SELECT max(%1) FROM %2")
                        .arg(SqlIdentifier::quote(name), SqlIdentifier::quote(table.name)));
            m_next.insert(name, query.next() ? query.value(0).toLongLong() + 1 : 1);
            m_names << name;
            continue;
        }
        const auto profile = std::find_if(context.profiles.begin(), context.profiles.end(),
                                          [&](const ColumnProfile &p) { return p.name == name; });
        if (profile != context.profiles.end() && profile->format == QLatin1String("uuid")) {
            // Written as the table writes them: upper case if a sample value is.
            bool upper = false;
            const qsizetype at = context.sampleColumns.indexOf(name);
            for (const QVariantList &row : context.sampleRows) {
                if (at >= 0 && !row.value(at).isNull()) {
                    upper = row.value(at).toString() == row.value(at).toString().toUpper();
                    break;
                }
            }
            m_uuids.insert(name, upper);
            m_names << name;
        }
    }
}

void EngineColumns::fill(QJsonObject &row)
{
    for (const ParentKey &parent : m_parents) {
        const QJsonArray &key =
            parent.keys[qsizetype(m_random.bounded(quint32(parent.keys.size())))];
        for (qsizetype i = 0; i < parent.columns.size(); ++i)
            row.insert(parent.columns[i], key[i]);
    }
    for (auto it = m_next.begin(); it != m_next.end(); ++it)
        row.insert(it.key(), it.value()++);
    for (auto it = m_uuids.constBegin(); it != m_uuids.constEnd(); ++it) {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        row.insert(it.key(), it.value() ? uuid.toUpper() : uuid);
    }
}
