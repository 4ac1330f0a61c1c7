#include "TableExporter.h"

#include "ExportCancelled.h"
#include "StatementWriter.h"
#include "db/SchemaReader.h"
#include "db/SqlIdentifier.h"
#include "db/SqliteHandle.h"
#include "util/RowforgeError.h"

#include <QFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <sqlite3.h>
#include <sys/stat.h>

bool TableExporter::replacedAtomically(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return true; // a new file
    return S_ISREG(info.st_mode) && info.st_nlink <= 1;
}

qint64 TableExporter::exportToFile(QSqlDatabase &db, const QString &table, const QString &path,
                                   const ExportOptions &options, const Progress &progress)
{
    SchemaReader::require(db, table); // a clear error before any file is touched
    return writeFile(path, [&](QIODevice &device) {
        return exportToDevice(db, table, device, options, progress);
    });
}

qint64 TableExporter::writeFile(const QString &path,
                                const std::function<qint64(QIODevice &)> &write)
{
    if (!replacedAtomically(path)) {
        // A FIFO, a device or a file with other names: replacing it with a new file would
        // turn /dev/null into a regular file or split a hard link. Written in place.
        QFile target(path);
        target.setObjectName(path);
        if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw RowforgeError(
                QStringLiteral("Cannot write %1: %2").arg(path, target.errorString()));
        const qint64 rows = write(target);
        target.close();
        if (target.error() != QFileDevice::NoError)
            throw RowforgeError(
                QStringLiteral("Cannot write %1: %2").arg(path, target.errorString()));
        return rows;
    }
    QSaveFile file(path);
    file.setObjectName(path); // write errors name the path
    if (!file.open(QIODevice::WriteOnly))
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    const qint64 rows = write(file);
    if (!file.commit())
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

qint64 TableExporter::exportToDevice(QSqlDatabase &db, const QString &tableName, QIODevice &device,
                                     const ExportOptions &options, const Progress &progress)
{
    const TableInfo table = SchemaReader::require(db, tableName);
    const QString where =
        device.objectName().isEmpty() ? QStringLiteral("the output") : device.objectName();
    QStringList columns;
    for (const ColumnInfo &column : table.columns) {
        if (!column.hidden)
            columns << column.name;
    }
    qint64 total = -1;
    if (progress)
        total = SchemaReader::rowCount(db, table);

    sqlite3 *handle = SqliteHandle::of(db);
    sqlite3_stmt *statement = SqliteHandle::prepareSelectAll(handle, table.name, columns);
    const auto finalize = qScopeGuard([statement] { sqlite3_finalize(statement); });

    const qint64 rows = StatementWriter::write(
        handle, statement, columns, device, where, options,
        progress ? StatementWriter::Progress([&](qint64 done) { return progress(done, total); })
                 : StatementWriter::Progress());
    StatementWriter::finish(device, where);
    if (progress && !progress(rows, total))
        throw ExportCancelled();
    return rows;
}
