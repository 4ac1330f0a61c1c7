#include "GeneratedRows.h"

#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "util/AppDataFile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <limits>

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
        // Databases deleted since are forgotten, so the file does not grow without end.
        for (const QString &other : all.keys()) {
            if (!QFileInfo::exists(other))
                all.remove(other);
        }
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

void GeneratedRows::forget(const QString &databasePath, const QString &table) const
{
    update(databasePath, table, [](RowidRanges &ranges) { ranges = RowidRanges(); });
}

RowidRanges GeneratedRows::before(QSqlDatabase &db, const TableInfo &table,
                                  const GenerationOptions &options)
{
    if (!options.learnFromRealRows || table.rowidName().isEmpty())
        return {};
    const GeneratedRows remembered(options.generatedRowsFile);
    RowidRanges ranges = remembered.of(db.databaseName(), table.name);
    if (ranges.isEmpty())
        return ranges;
    QSqlQuery query = SqlExec::exec(
        db, QStringLiteral("SELECT max(%1) FROM %2")
                .arg(SqlIdentifier::quote(table.rowidName()), SqlIdentifier::quote(table.name)));
    const qint64 largest = query.next() ? query.value(0).toLongLong() : 0; // NULL: empty
    if (ranges.ranges().back().second > largest) {
        ranges.remove(largest + 1, std::numeric_limits<qint64>::max());
        remembered.remove(db.databaseName(), table.name, largest + 1,
                          std::numeric_limits<qint64>::max());
    }
    return ranges;
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
    // Rowids from the first new one up were free: whatever was remembered there was deleted.
    GeneratedRows(options.generatedRowsFile)
        .update(db.databaseName(), table.name, [&](RowidRanges &ranges) {
            ranges.remove(result.firstRowid, std::numeric_limits<qint64>::max());
            ranges.add(result.firstRowid, result.lastRowid);
        });
}
