#include "TableExporter.h"

#include "CsvFieldWriter.h"
#include "ExportCancelled.h"
#include "db/SchemaReader.h"
#include "db/SqlIdentifier.h"
#include "db/SqliteHandle.h"
#include "util/RowforgeError.h"

#include <QFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <sqlite3.h>
#include <sys/stat.h>

namespace {
constexpr qsizetype FlushBytes = 1 << 20;
constexpr int ProgressEveryRows = 4096;

void writeAll(QIODevice &device, const QByteArray &bytes, const QString &where)
{
    if (device.write(bytes) != bytes.size())
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(where, device.errorString()));
}
} // namespace

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
    if (!replacedAtomically(path)) {
        // A FIFO, a device or a file with other names: replacing it with a new file would
        // turn /dev/null into a regular file or split a hard link. Written in place.
        QFile target(path);
        target.setObjectName(path);
        if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw RowforgeError(
                QStringLiteral("Cannot write %1: %2").arg(path, target.errorString()));
        const qint64 rows = exportToDevice(db, table, target, options, progress);
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
    const qint64 rows = exportToDevice(db, table, file, options, progress);
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

    const CsvFieldWriter writer(options);
    QByteArray buffer;
    buffer.reserve(FlushBytes + 64 * 1024);
    if (options.bom)
        buffer += "\xEF\xBB\xBF";
    if (options.header) {
        for (int i = 0; i < columns.size(); ++i) {
            if (i > 0)
                writer.appendDelimiter(buffer);
            const QByteArray name = columns[i].toUtf8();
            writer.appendText(buffer, name.constData(), name.size());
        }
        writer.appendLineEnd(buffer);
    }
    const int columnCount = int(columns.size());
    qint64 rows = 0;
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < columnCount; ++i) {
            if (i > 0)
                writer.appendDelimiter(buffer);
            switch (sqlite3_column_type(statement, i)) {
            case SQLITE_NULL:
                writer.appendNull(buffer);
                break;
            case SQLITE_INTEGER:
                writer.appendInteger(buffer, sqlite3_column_int64(statement, i));
                break;
            case SQLITE_FLOAT:
                writer.appendReal(buffer, sqlite3_column_double(statement, i));
                break;
            case SQLITE_BLOB: {
                const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, i));
                writer.appendBlob(buffer, bytes, sqlite3_column_bytes(statement, i));
                break;
            }
            default: {
                const auto *text =
                    reinterpret_cast<const char *>(sqlite3_column_text(statement, i));
                writer.appendText(buffer, text, sqlite3_column_bytes(statement, i));
            }
            }
        }
        writer.appendLineEnd(buffer);
        ++rows;
        if (buffer.size() >= FlushBytes) {
            writeAll(device, buffer, where);
            buffer.resize(0);
        }
        if (progress && rows % ProgressEveryRows == 0 && !progress(rows, total))
            throw ExportCancelled();
    }
    if (status != SQLITE_DONE)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    writeAll(device, buffer, where);
    // A full disk often shows only here, when the last buffered bytes reach it.
    if (auto *file = qobject_cast<QFileDevice *>(&device); file && !file->flush())
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(where, file->errorString()));
    if (progress && !progress(rows, total))
        throw ExportCancelled();
    return rows;
}
