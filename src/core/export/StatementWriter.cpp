#include "StatementWriter.h"

#include "CsvFieldWriter.h"
#include "ExportCancelled.h"
#include "util/RowforgeError.h"

#include <QFileDevice>
#include <cmath>
#include <sqlite3.h>
#include <vector>

namespace {
constexpr qsizetype FlushBytes = 1 << 20;
constexpr int ProgressEveryRows = 4096;

void writeAll(QIODevice &device, const QByteArray &bytes, const QString &where)
{
    if (device.write(bytes) != bytes.size())
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(where, device.errorString()));
}
} // namespace

qint64 StatementWriter::write(sqlite3 *handle, sqlite3_stmt *statement, const QStringList &header,
                              QIODevice &device, const QString &where, const ExportOptions &options,
                              const Progress &progress)
{
    const CsvFieldWriter writer(options);
    QByteArray buffer;
    buffer.reserve(FlushBytes + 64 * 1024);
    if (options.bom)
        buffer += "\xEF\xBB\xBF";
    if (options.header) {
        for (int i = 0; i < header.size(); ++i) {
            if (i > 0)
                writer.appendDelimiter(buffer);
            const QByteArray name = header[i].toUtf8();
            writer.appendText(buffer, name.constData(), name.size());
        }
        writer.appendLineEnd(buffer);
    }
    const int columnCount = sqlite3_column_count(statement);
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
        if (progress && rows % ProgressEveryRows == 0 && !progress(rows))
            throw ExportCancelled();
    }
    if (status != SQLITE_DONE)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    writeAll(device, buffer, where);
    return rows;
}

namespace {
void appendJsonString(QByteArray &out, const char *utf8, qsizetype length)
{
    out += '"';
    for (qsizetype i = 0; i < length; ++i) {
        const char c = utf8[i];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}
} // namespace

qint64 StatementWriter::writeJson(sqlite3 *handle, sqlite3_stmt *statement,
                                  const QStringList &header, QIODevice &device,
                                  const QString &where)
{
    // CSV's number forms are JSON's too, apart from infinities (written as strings).
    const CsvFieldWriter numbers{ExportOptions()};
    std::vector<QByteArray> keys;
    for (const QString &name : header) {
        QByteArray key;
        const QByteArray utf8 = name.toUtf8();
        appendJsonString(key, utf8.constData(), utf8.size());
        keys.push_back(key + ':');
    }
    QByteArray buffer = "[";
    qint64 rows = 0;
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        buffer += rows == 0 ? "{" : ",\n{";
        for (int i = 0; i < int(keys.size()); ++i) {
            if (i > 0)
                buffer += ',';
            buffer += keys[size_t(i)];
            switch (sqlite3_column_type(statement, i)) {
            case SQLITE_NULL:
                buffer += "null";
                break;
            case SQLITE_INTEGER:
                numbers.appendInteger(buffer, sqlite3_column_int64(statement, i));
                break;
            case SQLITE_FLOAT: {
                const double value = sqlite3_column_double(statement, i);
                if (std::isfinite(value))
                    numbers.appendReal(buffer, value);
                else
                    buffer += std::isnan(value) ? "\"NaN\"" : (value > 0 ? "\"Inf\"" : "\"-Inf\"");
                break;
            }
            case SQLITE_BLOB: {
                const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, i));
                const QByteArray base64 =
                    QByteArray::fromRawData(bytes, sqlite3_column_bytes(statement, i)).toBase64();
                appendJsonString(buffer, base64.constData(), base64.size());
                break;
            }
            default:
                appendJsonString(buffer,
                                 reinterpret_cast<const char *>(sqlite3_column_text(statement, i)),
                                 sqlite3_column_bytes(statement, i));
            }
        }
        buffer += '}';
        ++rows;
        if (buffer.size() >= FlushBytes) {
            writeAll(device, buffer, where);
            buffer.resize(0);
        }
    }
    if (status != SQLITE_DONE)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    buffer += "]\n";
    writeAll(device, buffer, where);
    return rows;
}

void StatementWriter::finish(QIODevice &device, const QString &where)
{
    if (auto *file = qobject_cast<QFileDevice *>(&device); file && !file->flush())
        throw RowforgeError(QStringLiteral("Cannot write %1: %2").arg(where, file->errorString()));
}
