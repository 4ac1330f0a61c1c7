#pragma once

#include "ImportRecord.h"
#include "TextDecoder.h"

#include <QIODevice>

// Streams RFC 4180 records from a device: quoted fields with delimiters, doubled quotes and
// line breaks; CRLF, LF or lone CR line endings; blank lines skipped. An unquoted empty field
// is Null, a quoted empty field is the empty string. Memory holds one chunk plus the current
// record, whatever the file's size.
class CsvReader
{
public:
    CsvReader(QIODevice *device, TextEncoding::Kind encoding, QChar delimiter);

    // Reads the next record; false at the end. Throws RowforgeError for an unterminated quote.
    bool next(ImportRecord &record);
    qint64 bytesRead() const { return m_bytesRead; }
    bool decodingFailed() const { return m_decoder.hasError(); }
    // The line the next record starts on (1-based).
    qint64 line() const { return m_line; }
    // In a one-column file an empty line is a record with one empty (NULL) field, as RFC 4180
    // reads it; elsewhere blank lines are skipped.
    void setBlankLinesAreRecords(bool on) { m_blankLinesAreRecords = on; }

    // A record taking more memory than this (two bytes a character) is refused with the line
    // it starts on.
    void setMaxRecordBytes(qint64 bytes) { m_maxRecord = bytes; }

private:
    enum class Parse { Complete, NeedMore, End };

    Parse parse(ImportRecord &record);
    bool fill();

    QIODevice *m_device;
    TextDecoder m_decoder;
    QChar m_delimiter;
    QString m_text;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    qint64 m_chunkSize;
    bool m_eof = false;
    bool m_blankLinesAreRecords = false;
    QByteArray m_bytes;
    qint64 m_maxRecord = 64LL * 1024 * 1024;
};
