#include "TableImporter.h"

#include "db/TableReferences.h"

#include "ImportCancelled.h"
#include "ImportNaming.h"
#include "RecordSource.h"
#include "RowBatchQueue.h"
#include "db/DatabaseDamaged.h"
#include "db/DatabaseProblem.h"
#include "db/IntegrityCheck.h"
#include "db/RowInserter.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "db/TableReferences.h"
#include "db/Transaction.h"
#include "util/DateTimeFormats.h"
#include "util/DateTimeText.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QStringEncoder>
#include <optional>
#include <thread>

namespace {
constexpr int ProgressEveryRows = 2048;
constexpr int BatchRows = 2048;
// Values read per column to find the format of a DATE or DATETIME column in.
constexpr int DateSamples = 200;

QString raggedMessage(qint64 line, int got, int expected)
{
    return QStringLiteral("line %1: %2 fields where the header has %3 (use --ragged pad or skip "
                          "to accept such rows)")
        .arg(line)
        .arg(got)
        .arg(expected);
}

// Trailing empty fields (a trailing delimiter) do not make a row too long.
int significantWidth(const ImportRecord &record)
{
    int width = record.size;
    while (width > 0 && record.kinds[width - 1] == ImportRecord::Null)
        --width;
    return width;
}

// Applies the ragged-row policy; returns false if the row is to be skipped.
bool fitWidth(ImportRecord &record, int width, bool fixed, ImportOptions::RaggedRows policy)
{
    if (record.size == width)
        return true;
    if (record.size > width && significantWidth(record) <= width) {
        record.size = width;
        return true;
    }
    if (fixed && policy == ImportOptions::RaggedRows::Error)
        throw RowforgeError(raggedMessage(record.line, record.size, width));
    if (fixed && policy == ImportOptions::RaggedRows::Skip)
        return false;
    if (record.size > width)
        throw RowforgeError(raggedMessage(record.line, record.size, width));
    while (record.size < width)
        record.append(ImportRecord::Null);
    return true;
}
} // namespace

void TableImporter::refuseReplacingAReferencedTable(QSqlDatabase &db, const QString &table)
{
    // Dropping it would fire the children's ON DELETE actions (deleting or nulling their rows)
    // and leave their foreign keys pointing at a table without the key they need.
    const QList<TableReferences::Reference> references =
        TableReferences::to(SchemaReader::readAll(db), table);
    if (references.isEmpty())
        return;
    QStringList children;
    for (const TableReferences::Reference &reference : references)
        children << QStringLiteral("\"%1\" (%2)")
                        .arg(reference.childTable,
                             reference.key.columns.join(QStringLiteral(", ")));
    throw RowforgeError(
        QStringLiteral("cannot replace \"%1\": %2 %3 it, and replacing it would delete or "
                       "orphan their rows. Nothing was changed; import into a new table, or "
                       "append.")
            .arg(table, children.join(QStringLiteral(", ")),
                 references.size() == 1 ? QStringLiteral("references")
                                        : QStringLiteral("reference")));
}

ImportResult TableImporter::import(QSqlDatabase &db, const QString &path,
                                   const ImportOptions &options, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    const QString fileName = QFileInfo(path).fileName();
    try {
        std::unique_ptr<RecordSource> source = RecordSource::open(path, options);
        Plan plan = inferTypes(*source, options, progress);
        if (source->decodingFailed() && source->fallBackToWindows1252())
            plan = inferTypes(*source, options, progress);
        if (source->decodingFailed())
            throw RowforgeError(QStringLiteral("the file is not valid %1 text")
                                    .arg(TextEncoding::name(source->encoding())));
        if (plan.columns.isEmpty())
            throw RowforgeError(QStringLiteral("the file has no columns"));

        bool exists = false;
        const QString tableName = resolveTable(db, path, options, &exists);
        const bool append = exists && options.ifExists == ImportOptions::IfExists::Append;

        // Not into a damaged database: the table written to, or the schema for a new one.
        IntegrityCheck::requireIntact(db, exists ? tableName : QString());
        if (exists && options.ifExists == ImportOptions::IfExists::Replace)
            refuseReplacingAReferencedTable(db, tableName);
        Transaction transaction(db, QStringLiteral("the import into %1").arg(tableName));
        if (exists && options.ifExists == ImportOptions::IfExists::Replace)
            SqlExec::exec(db, QStringLiteral("DROP TABLE %1").arg(SqlIdentifier::quote(tableName)));
        Targets targets = chooseColumns(plan, options);
        if (!append)
            SqlExec::exec(db, createTableSql(tableName, targets));
        const TableInfo table = SchemaReader::require(db, tableName);
        if (append)
            targets = mapToExistingTable(table, targets, source->hasHeader());
        source->rewind();
        insertRows(db, *source, table, plan, options, targets, progress);
        transaction.commit();

        ImportResult result;
        result.file = path;
        result.table = tableName;
        result.rows = plan.rows;
        result.skippedRows = plan.skipped;
        result.createdTable = !append;
        result.replacedTable = exists && !append;
        result.format = source->format();
        result.encoding = source->encoding();
        result.delimiter = source->delimiter();
        result.header = source->hasHeader();
        result.seconds = timer.nsecsElapsed() / 1e9;
        return result;
    } catch (const ImportCancelled &) {
        throw;
    } catch (const DatabaseDamaged &) {
        throw; // the database's fault, not the file's
    } catch (const DatabaseProblemError &error) {
        throw DatabaseProblemError(
            QStringLiteral("%1 was not imported. %2").arg(fileName, error.message()));
    } catch (const RowforgeError &error) {
        if (error.message().contains(QLatin1String("database disk image is malformed")))
            throw DatabaseDamaged(error.message());
        const QString problem = DatabaseProblem::explain(error.message());
        if (!problem.isEmpty())
            throw DatabaseProblemError(
                QStringLiteral("%1 was not imported. %2").arg(fileName, problem));
        throw RowforgeError(QStringLiteral("%1: %2").arg(fileName, error.message()));
    }
}

TableImporter::Plan TableImporter::inferTypes(RecordSource &source, const ImportOptions &options,
                                              const Progress &progress)
{
    Plan plan;
    source.rewind();
    const QStringList header = source.header();
    int width = int(header.size());
    ImportRecord record;
    bool first = true;
    while (source.next(record)) {
        if (first && !source.hasHeader())
            width = record.size;
        first = false;
        if (!source.fixedWidth())
            width = int(source.header().size());
        if (!fitWidth(record, width, source.fixedWidth(), options.raggedRows)) {
            ++plan.skipped;
            continue;
        }
        while (plan.types.size() < width)
            plan.types << ColumnType::Null;
        while (plan.samples.size() < width)
            plan.samples << QStringList();
        for (int i = 0; i < width; ++i) {
            if (plan.types[i] != ColumnType::Text)
                plan.types[i] = ColumnType::widen(
                    plan.types[i], ColumnType::classify(record.kinds[i], record.values[i]));
            if (plan.samples[i].size() < DateSamples && record.kinds[i] != ImportRecord::Null)
                plan.samples[i] << record.values[i].trimmed();
        }
        if (++plan.rows % ProgressEveryRows == 0 && progress &&
            !progress(source.bytesRead(), 2 * source.totalBytes()))
            throw ImportCancelled();
    }
    QStringList names = source.header();
    if (!source.hasHeader()) {
        names.clear();
        for (int i = 0; i < width; ++i)
            names << QString();
    }
    plan.columns = ImportNaming::columnNames(names);
    while (plan.types.size() < plan.columns.size())
        plan.types << ColumnType::Null;
    for (int i = 0; i < plan.columns.size(); ++i) {
        const auto chosen = options.columnTypes.constFind(plan.columns[i]);
        if (chosen != options.columnTypes.constEnd())
            plan.types[i] = *chosen;
        else if (plan.types[i] == ColumnType::Null)
            plan.types[i] = ColumnType::Text; // no value to go by
    }
    return plan;
}

QString TableImporter::resolveTable(QSqlDatabase &db, const QString &path,
                                    const ImportOptions &options, bool *exists)
{
    QStringList taken;
    for (const TableInfo &table : SchemaReader::readAll(db))
        taken << table.name;
    const bool explicitName = !options.table.isEmpty();
    QString name = explicitName ? options.table : ImportNaming::tableNameForFile(path);
    const std::optional<TableInfo> existing = SchemaReader::read(db, name);
    *exists = existing.has_value();
    if (existing && existing->kind == TableInfo::View)
        throw RowforgeError(
            QStringLiteral("\"%1\" is a view; choose another table name").arg(name));
    if (*exists && options.ifExists == ImportOptions::IfExists::Fail) {
        if (explicitName)
            throw RowforgeError(QStringLiteral("table \"%1\" already exists (use --if-exists "
                                               "append or replace)")
                                    .arg(name));
        name = ImportNaming::uniqueName(name, taken);
        *exists = false;
    } else if (!*exists && ImportNaming::uniqueName(name, taken) != name) {
        throw RowforgeError(QStringLiteral("the name \"%1\" is taken by another object").arg(name));
    }
    return name;
}

QString TableImporter::dateFormatOf(const Plan &plan, const ImportOptions &options, int column)
{
    const ColumnType::Type type = plan.types[column];
    if (type != ColumnType::Date && type != ColumnType::DateTime)
        return {};
    const QString &name = plan.columns[column];
    const QStringList samples = plan.samples.value(column);
    QString format = options.dateFormats.value(name);
    if (format.isEmpty())
        format = DateTimeFormats::detect(samples);
    if (format.isEmpty())
        throw RowforgeError(QStringLiteral("column \"%1\": its values are in no date format "
                                           "Rowforge reads (e.g. \"%2\"); choose TEXT to keep "
                                           "them as they are")
                                .arg(name, samples.value(0).left(60)));
    // A DATE keeps no time of day: values that have one want DATETIME.
    if (type == ColumnType::Date && format.contains(u'H'))
        throw RowforgeError(QStringLiteral("column \"%1\" holds times of day (%2): choose "
                                           "DATETIME to keep them")
                                .arg(name, format));
    return format;
}

TableImporter::Targets TableImporter::chooseColumns(const Plan &plan, const ImportOptions &options)
{
    // A choice for a column the file does not have is a typing mistake (from the command
    // line): ignoring it would import what the user meant to change.
    QStringList named = options.columnTypes.keys() + options.columnNames.keys() +
                        options.skippedColumns.values() + options.dateFormats.keys();
    named.sort();
    for (const QString &name : std::as_const(named)) {
        if (plan.columns.contains(name))
            continue;
        QString columns = plan.columns.mid(0, 20).join(QStringLiteral(", "));
        if (plan.columns.size() > 20)
            columns += QStringLiteral(", … (%1 in all)").arg(plan.columns.size());
        throw RowforgeError(
            QStringLiteral("the file has no column \"%1\" (its columns: %2)").arg(name, columns));
    }
    Targets targets;
    QSet<QString> taken; // SQLite's column names ignore case
    for (int i = 0; i < plan.columns.size(); ++i) {
        const QString &detected = plan.columns[i];
        if (options.skippedColumns.contains(detected))
            continue;
        QString name = detected; // "" when a file names a column so on purpose
        if (const auto renamed = options.columnNames.constFind(detected);
            renamed != options.columnNames.constEnd()) {
            name = renamed->trimmed();
            if (name.isEmpty())
                throw RowforgeError(
                    QStringLiteral("column \"%1\" is given an empty name").arg(detected));
        }
        if (taken.contains(name.toLower()))
            throw RowforgeError(
                QStringLiteral("two columns would be named \"%1\"; rename or skip one").arg(name));
        taken.insert(name.toLower());
        targets.columns << name;
        targets.types << plan.types[i];
        targets.sourceIndex << i;
        targets.dateFormats << dateFormatOf(plan, options, i);
    }
    if (targets.columns.isEmpty())
        throw RowforgeError(QStringLiteral("every column is skipped: nothing to import"));
    return targets;
}

QString TableImporter::createTableSql(const QString &table, const Targets &targets)
{
    QStringList definitions;
    for (int i = 0; i < targets.columns.size(); ++i)
        definitions << QStringLiteral("%1 %2").arg(SqlIdentifier::quote(targets.columns[i]),
                                                   ColumnType::sqlName(targets.types[i]));
    return QStringLiteral("CREATE TABLE %1 (%2)")
        .arg(SqlIdentifier::quote(table), definitions.join(QStringLiteral(", ")));
}

TableImporter::Targets TableImporter::mapToExistingTable(const TableInfo &table,
                                                         const Targets &chosen, bool hasHeader)
{
    QList<const ColumnInfo *> writable;
    for (const ColumnInfo &column : table.columns) {
        if (column.generated == ColumnInfo::NotGenerated && !column.hidden)
            writable << &column;
    }
    auto typeFor = [](const ColumnInfo &column) {
        switch (column.affinity) {
        case SqlAffinity::Integer:
            return ColumnType::Integer;
        case SqlAffinity::Real:
            return ColumnType::Real;
        case SqlAffinity::Text:
            return ColumnType::Text;
        default:
            return ColumnType::Null; // NUMERIC and BLOB: each value keeps its own type
        }
    };
    Targets targets;
    if (!hasHeader && chosen.columns.size() != writable.size())
        throw RowforgeError(QStringLiteral("the file has %1 columns and \"%2\" has %3; "
                                           "without a header they must match")
                                .arg(chosen.columns.size())
                                .arg(table.name)
                                .arg(writable.size()));
    for (int i = 0; i < chosen.columns.size(); ++i) {
        const ColumnInfo *column = hasHeader ? table.column(chosen.columns[i]) : writable[i];
        if (!column || column->generated != ColumnInfo::NotGenerated)
            throw RowforgeError(QStringLiteral("column \"%1\" matches no column of \"%2\"")
                                    .arg(chosen.columns[i], table.name));
        targets.sourceIndex << chosen.sourceIndex[i];
        targets.columns << column->name;
        targets.types << typeFor(*column);
    }
    return targets;
}

void TableImporter::insertRows(QSqlDatabase &db, RecordSource &source, const TableInfo &table,
                               const Plan &plan, const ImportOptions &options,
                               const Targets &targets, const Progress &progress)
{
    const QStringList &targetColumns = targets.columns;
    // Two threads: this one binds and steps SQLite (on its own connection); a producer reads,
    // parses and converts rows into batches. Each side takes about half of the work.
    RowInserter inserter(db, table, targetColumns);
    const int columns = int(targetColumns.size());
    RowBatchQueue queue(4);
    std::thread producer([&] { produceBatches(source, plan, options, targets, queue); });
    // Whatever happens here, the producer is stopped and joined before the source goes away.
    const auto stopProducer = qScopeGuard([&] {
        queue.close();
        producer.join();
    });

    RowBatch batch;
    qint64 rowsSinceProgress = 0;
    while (queue.pop(batch)) {
        const RowBatch::Cell *cell = batch.cells.data();
        for (int row = 0; row < batch.rowCount(); ++row) {
            for (int column = 0; column < columns; ++column, ++cell) {
                switch (cell->type) {
                case RowBatch::Null:
                    inserter.bindNull(column);
                    break;
                case RowBatch::Integer:
                    inserter.bindInteger(column, cell->integer);
                    break;
                case RowBatch::Real:
                    inserter.bindReal(column, cell->real);
                    break;
                case RowBatch::Text:
                    inserter.bindUtf8(column, batch.text.constData() + cell->text.offset,
                                      cell->text.length);
                    break;
                }
            }
            try {
                inserter.insertBound();
            } catch (const RowforgeError &error) {
                // A read-only or full database is not the line's fault.
                const QString problem = DatabaseProblem::explain(error.message());
                if (!problem.isEmpty())
                    throw DatabaseProblemError(problem);
                const QString line = QString::number(batch.lines[size_t(row)]);
                // SQLite's bare "datatype mismatch" is a rowid column given something that is
                // not a whole number: name the column and the value.
                if (error.message() == QLatin1String("datatype mismatch")) {
                    for (int c = 0; c < columns; ++c) {
                        const ColumnInfo *info = table.column(targetColumns[c]);
                        const RowBatch::Cell &value = batch.cells[size_t(row * columns + c)];
                        if (info && info->rowidAlias && value.type == RowBatch::Text)
                            throw RowforgeError(
                                QStringLiteral("line %1: \"%2\" is an INTEGER PRIMARY KEY and "
                                               "takes whole numbers only, got \"%3\"")
                                    .arg(line, info->name,
                                         QString::fromUtf8(batch.text.constData() +
                                                               value.text.offset,
                                                           value.text.length)
                                             .left(80)));
                    }
                }
                throw RowforgeError(QStringLiteral("line %1: %2").arg(line, error.message()));
            }
        }
        if (!batch.error.isEmpty())
            throw RowforgeError(batch.error);
        rowsSinceProgress += batch.rowCount();
        if (rowsSinceProgress >= ProgressEveryRows && progress) {
            rowsSinceProgress = 0;
            if (!progress(source.totalBytes() + batch.bytesRead, 2 * source.totalBytes()))
                throw ImportCancelled();
        }
    }
    if (progress && !progress(2 * source.totalBytes(), 2 * source.totalBytes()))
        throw ImportCancelled();
}

void TableImporter::produceBatches(RecordSource &source, const Plan &plan,
                                   const ImportOptions &options, const Targets &targets,
                                   RowBatchQueue &queue)
{
    const QList<ColumnType::Type> &targetTypes = targets.types;
    const QList<int> &sourceIndex = targets.sourceIndex;
    // DATE and DATETIME columns: read in the text's format, written as ISO 8601.
    std::vector<std::optional<DateTimeText>> readDate(targetTypes.size());
    std::vector<std::optional<DateTimeText>> writeDate(targetTypes.size());
    for (int i = 0; i < targetTypes.size(); ++i) {
        if (targetTypes[i] != ColumnType::Date && targetTypes[i] != ColumnType::DateTime)
            continue;
        const QString format = targets.dateFormats.value(i);
        readDate[size_t(i)].emplace(format);
        writeDate[size_t(i)].emplace(
            targetTypes[i] == ColumnType::Date      ? QStringLiteral("yyyy-MM-dd")
            : format.contains(QLatin1String("zzz")) ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                    : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    const int width = int(plan.columns.size());
    const int columns = int(targetTypes.size());
    QStringEncoder encoder(QStringConverter::Utf8);
    ImportRecord record;
    RowBatch batch;
    auto startBatch = [&] {
        batch = RowBatch();
        batch.cells.reserve(size_t(BatchRows) * size_t(columns));
        batch.lines.reserve(BatchRows);
        batch.text.reserve(256 * 1024);
    };
    auto addText = [&](const QString &text) {
        RowBatch::Cell cell;
        cell.type = RowBatch::Text;
        cell.text.offset = batch.text.size();
        batch.text.resize(cell.text.offset + encoder.requiredSpace(text.size()));
        char *end = encoder.appendToBuffer(batch.text.data() + cell.text.offset, text);
        cell.text.length = end - (batch.text.constData() + cell.text.offset);
        batch.text.resize(cell.text.offset + cell.text.length);
        batch.cells.push_back(cell);
    };
    startBatch();
    try {
        while (source.next(record)) {
            if (!fitWidth(record, width, source.fixedWidth(), options.raggedRows))
                continue;
            for (int i = 0; i < columns; ++i) {
                const int from = sourceIndex[i];
                const ImportRecord::Kind kind = record.kinds[from];
                const QString &text = record.values[from];
                RowBatch::Cell cell;
                if (kind == ImportRecord::Null) {
                    cell.type = RowBatch::Null;
                    batch.cells.push_back(cell);
                    continue;
                }
                ColumnType::Type type = targetTypes[i];
                if (readDate[size_t(i)]) {
                    qint64 moment = 0;
                    if (readDate[size_t(i)]->parse(text.trimmed(), &moment)) {
                        addText(QString::fromLatin1(writeDate[size_t(i)]->format(moment)));
                        continue;
                    }
                    batch.cells.resize(size_t(batch.rowCount()) * size_t(columns));
                    batch.error =
                        QStringLiteral("line %1, column \"%2\": \"%3\" is not a date in the "
                                       "form %4")
                            .arg(record.line)
                            .arg(plan.columns[from], text.left(60), targets.dateFormats.value(i));
                    queue.push(std::move(batch));
                    queue.finish();
                    return;
                }
                if (type == ColumnType::Null) // NUMERIC/BLOB target: the value's own type
                    type = ColumnType::widen(ColumnType::Integer, ColumnType::classify(kind, text));
                if (type == ColumnType::Integer &&
                    ColumnType::integerValue(kind, text, &cell.integer)) {
                    cell.type = RowBatch::Integer;
                    batch.cells.push_back(cell);
                } else if (type == ColumnType::Real &&
                           ColumnType::realValue(kind, text, &cell.real)) {
                    cell.type = RowBatch::Real;
                    batch.cells.push_back(cell);
                } else if (type == ColumnType::Text ||
                           !options.columnTypes.contains(plan.columns[from])) {
                    // Only a type the user chose can reject a value; an appended table's
                    // affinity decides itself, as SQLite would.
                    addText(text);
                } else {
                    batch.cells.resize(size_t(batch.rowCount()) * size_t(columns));
                    batch.error =
                        QStringLiteral("line %1, column \"%2\": \"%3\" is not %4")
                            .arg(record.line)
                            .arg(plan.columns[from], text.left(60), ColumnType::sqlName(type));
                    queue.push(std::move(batch));
                    queue.finish();
                    return;
                }
            }
            batch.lines.push_back(record.line);
            if (batch.rowCount() >= BatchRows) {
                batch.bytesRead = source.bytesRead();
                if (!queue.push(std::move(batch)))
                    return; // the consumer stopped
                startBatch();
            }
        }
        batch.bytesRead = source.bytesRead();
    } catch (const RowforgeError &error) {
        batch.cells.resize(size_t(batch.rowCount()) * size_t(columns));
        batch.error = error.message();
    }
    if (batch.rowCount() > 0 || !batch.error.isEmpty())
        queue.push(std::move(batch));
    queue.finish();
}
