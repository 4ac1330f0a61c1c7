#include "ImportPreview.h"

#include "ImportNaming.h"
#include "RecordSource.h"
#include "util/RowforgeError.h"

#include <QFileInfo>

ImportPreview ImportPreview::read(const QString &path, const ImportOptions &options, int maxRows)
{
    ImportPreview preview;
    try {
        std::unique_ptr<RecordSource> source = RecordSource::open(path, options);
        preview.format = source->format();
        preview.encoding = source->encoding();
        preview.delimiter = source->delimiter();
        preview.header = source->hasHeader();
        QList<ImportRecord> records;
        ImportRecord record;
        while (records.size() < maxRows && source->next(record))
            records << record;
        preview.truncated = records.size() == maxRows && source->next(record);

        int width = int(source->header().size());
        if (!source->hasHeader())
            for (const ImportRecord &r : records)
                width = std::max(width, r.size);
        QStringList names = source->hasHeader() ? source->header() : QStringList();
        while (names.size() < width)
            names << QString();
        preview.columns = ImportNaming::columnNames(names);
        preview.types.fill(ColumnType::Null, width);
        for (const ImportRecord &r : records) {
            for (int i = 0; i < std::min(width, r.size); ++i)
                preview.types[i] = ColumnType::widen(preview.types[i],
                                                     ColumnType::classify(r.kinds[i], r.values[i]));
        }
        for (int i = 0; i < width; ++i) {
            const auto chosen = options.columnTypes.constFind(preview.columns[i]);
            if (chosen != options.columnTypes.constEnd())
                preview.types[i] = *chosen;
            else if (preview.types[i] == ColumnType::Null)
                preview.types[i] = ColumnType::Text;
        }
        // Ragged rows would stop the import: say so now, under the preview.
        if (source->fixedWidth() && options.raggedRows == ImportOptions::RaggedRows::Error) {
            for (const ImportRecord &r : records) {
                int significant = r.size;
                while (significant > width && r.kinds[significant - 1] == ImportRecord::Null)
                    --significant;
                if (significant != width) {
                    preview.error = QStringLiteral("%1: line %2: %3 fields where the header has %4")
                                        .arg(QFileInfo(path).fileName(), QString::number(r.line),
                                             QString::number(r.size), QString::number(width));
                    break;
                }
            }
        }
        for (const ImportRecord &r : records) {
            QVariantList row;
            for (int i = 0; i < width; ++i) {
                if (i >= r.size || r.kinds[i] == ImportRecord::Null) {
                    row << QVariant();
                    continue;
                }
                bool ok = false;
                const QVariant value =
                    ColumnType::convert(preview.types[i], r.kinds[i], r.values[i], &ok);
                row << (ok ? value : QVariant(r.values[i]));
            }
            preview.rows << row;
        }
    } catch (const RowforgeError &error) {
        preview.error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), error.message());
    }
    return preview;
}
