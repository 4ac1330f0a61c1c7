// JSON arrays and JSON Lines as the importer reads them, record by record, on any bytes. The
// first byte picks the layout.
#include "FuzzSupport.h"
#include "import/ImportRecord.h"
#include "import/JsonSource.h"
#include "util/RowforgeError.h"

#include <QTemporaryFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fuzzApplication();
    static QTemporaryFile file;
    if (!file.isOpen() && !file.open())
        return 0;
    file.resize(0);
    file.seek(0);
    file.write(reinterpret_cast<const char *>(data + 1), qint64(size - 1));
    file.flush();
    try {
        JsonSource source(file.fileName(), data[0] & 1 ? JsonSource::Lines : JsonSource::Array,
                          1 << 20);
        source.rewind();
        ImportRecord record;
        while (source.next(record)) {
        }
    } catch (const RowforgeError &) {
    }
    return 0;
}
