#pragma once

#include "ImportOptions.h"
#include "ImportRecord.h"

#include <QStringList>
#include <memory>

// Rows of one data file, read twice by the importer: once to infer types and check every row,
// once to insert. Implementations: CsvSource, JsonSource.
class RecordSource
{
public:
    virtual ~RecordSource() = default;
    // Opens the right source for the file's content and extension. Throws RowforgeError for an
    // empty, binary or unreadable file.
    static std::unique_ptr<RecordSource> open(const QString &path, const ImportOptions &options);

    virtual QString format() const = 0;
    // Starts reading from the first row again.
    virtual void rewind() = 0;
    virtual bool next(ImportRecord &record) = 0;
    // Column names from the file (CSV header, JSON keys seen so far); empty for a CSV file
    // without header. A column the file leaves unnamed (an unquoted empty CSV header field) is
    // a null QString; an empty name given on purpose (a quoted "" field, a "" key) is empty
    // but not null, so that a table exported with an empty column name imports back as it was.
    virtual QStringList header() const = 0;
    // CSV rows must all have the header's width; JSON objects may leave keys out.
    virtual bool fixedWidth() const = 0;
    virtual qint64 bytesRead() const = 0;
    virtual qint64 totalBytes() const = 0;
    // True when bytes were not valid in the encoding used (then Windows-1252 is tried).
    virtual bool decodingFailed() const { return false; }
    virtual bool fallBackToWindows1252() { return false; }
    virtual TextEncoding::Kind encoding() const = 0;
    virtual QChar delimiter() const { return {}; }
    virtual bool hasHeader() const { return true; }
};
