// The CSV reader and dialect sniffing on any bytes: no crash, no hang, no unbounded memory;
// a RowforgeError (a clear message) is an allowed outcome. The first byte picks the delimiter
// and the encoding.
#include "FuzzSupport.h"
#include "import/CsvReader.h"
#include "import/CsvSniffer.h"
#include "import/TextDecoder.h"
#include "util/RowforgeError.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QChar delimiter = QLatin1Char(",;\t|"[data[0] % 4]);
    const auto encoding = TextEncoding::Kind((data[0] >> 2) % 4);
    QByteArray bytes = fuzzBytes(data + 1, size - 1);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, encoding, delimiter);
    reader.setMaxRecordBytes(1 << 20);
    reader.setBlankLinesAreRecords(data[0] & 0x40);
    ImportRecord record;
    try {
        while (reader.next(record)) {
        }
    } catch (const RowforgeError &) {
    }
    QString sample;
    TextDecoder(encoding).appendDecoded(bytes.left(64 * 1024), sample);
    CsvSniffer::sniff(sample, bytes.size() <= 64 * 1024);
    return 0;
}
