#include "GeneratedRows.h"

#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "util/AppDataFile.h"

#include <QJsonArray>
#include <QJsonObject>

GeneratedRows::GeneratedRows(QString file)
    : m_file(AppDataFile(file, QStringLiteral("generated-rows.json")).path())
{}

RowidRanges GeneratedRows::of(const QString &databasePath, const QString &table) const
{
    const QJsonObject tables =
        AppDataFile(m_file, {}).read().value(AppDataFile::databaseKey(databasePath)).toObject();
    return RowidRanges::fromJson(tables.value(table).toArray());
}

template <typename Change>
void GeneratedRows::update(const QString &databasePath, const QString &table, Change change) const
{
    // A file that cannot be written only means later runs learn from these rows too.
    AppDataFile(m_file, {}).update([&](QJsonObject &all) {
        const QString key = AppDataFile::databaseKey(databasePath);
        QJsonObject tables = all.value(key).toObject();
        RowidRanges ranges = RowidRanges::fromJson(tables.value(table).toArray());
        change(ranges);
        if (ranges.isEmpty())
            tables.remove(table);
        else
            tables.insert(table, ranges.toJson());
        if (tables.isEmpty())
            all.remove(key);
        else
            all.insert(key, tables);
    });
}

void GeneratedRows::add(const QString &databasePath, const QString &table, qint64 first,
                        qint64 last) const
{
    update(databasePath, table, [&](RowidRanges &ranges) { ranges.add(first, last); });
}

void GeneratedRows::remove(const QString &databasePath, const QString &table, qint64 first,
                           qint64 last) const
{
    update(databasePath, table, [&](RowidRanges &ranges) { ranges.remove(first, last); });
}

RowidRanges GeneratedRows::before(QSqlDatabase &db, const TableInfo &table,
                                  const GenerationOptions &options)
{
    if (!options.learnFromRealRows || table.rowidName().isEmpty())
        return {};
    return GeneratedRows(options.generatedRowsFile).of(db.databaseName(), table.name);
}

qint64 GeneratedRows::rowsIn(QSqlDatabase &db, const TableInfo &table, const RowidRanges &ranges)
{
    qint64 rows = 0;
    for (const auto &[first, last] : ranges.ranges()) {
        QSqlQuery query = SqlExec::exec(
            db,
            QStringLiteral("SELECT count(*) FROM %1 WHERE %2 BETWEEN ? AND ?")
                .arg(SqlIdentifier::quote(table.name), SqlIdentifier::quote(table.rowidName())),
            {first, last});
        if (query.next())
            rows += query.value(0).toLongLong();
    }
    return rows;
}

void GeneratedRows::remember(QSqlDatabase &db, const TableInfo &table,
                             const GenerationOptions &options, GenerationResult &result)
{
    result.generatedRowsFile = options.generatedRowsFile;
    if (options.dryRun || result.inserted < 1 || table.rowidName().isEmpty() ||
        result.lastRowid < result.firstRowid)
        return;
    GeneratedRows(options.generatedRowsFile)
        .add(db.databaseName(), table.name, result.firstRowid, result.lastRowid);
}
