#include "RecordSource.h"

#include "CsvSource.h"
#include "JsonSource.h"
#include "util/RowforgeError.h"

#include <QFile>
#include <QFileInfo>

namespace {
constexpr qint64 HeadSize = 64 * 1024;

bool looksBinary(const QByteArray &head, TextEncoding::Kind encoding)
{
    if (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE)
        return false;
    // Text files have no NUL bytes and few control characters.
    int controls = 0;
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            return true;
        if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f')
            ++controls;
    }
    return controls > head.size() / 100 + 2;
}
} // namespace

std::unique_ptr<RecordSource> RecordSource::open(const QString &path, const ImportOptions &options)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throw RowforgeError(QStringLiteral("no such file"));
    if (!file.open(QIODevice::ReadOnly))
        throw RowforgeError(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    const QByteArray head = file.read(HeadSize);
    if (head.trimmed().isEmpty())
        throw RowforgeError(QStringLiteral("the file is empty"));
    int bom = 0;
    const TextEncoding::Kind encoding =
        options.encoding ? *options.encoding : TextEncoding::detect(head, &bom);
    if (looksBinary(head, encoding))
        throw RowforgeError(QStringLiteral("this is a binary file, not CSV, TSV, JSON or JSONL"));

    const QString suffix = QFileInfo(path).suffix().toLower();
    const QByteArray start = head.mid(TextEncoding::bomLength(head, TextEncoding::Utf8)).trimmed();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return std::make_unique<JsonSource>(path, JsonSource::Lines, options.maxRecordBytes);
    if (suffix == QLatin1String("json")) {
        if (start.startsWith('['))
            return std::make_unique<JsonSource>(path, JsonSource::Array, options.maxRecordBytes);
        if (start.startsWith('{'))
            return std::make_unique<JsonSource>(path, JsonSource::Lines, options.maxRecordBytes);
        throw RowforgeError(QStringLiteral("line 1: expected a JSON array of objects"));
    }
    return std::make_unique<CsvSource>(path, head, options);
}
