#include "CsvSource.h"

#include "CsvSniffer.h"
#include "ImportNaming.h"
#include "util/RowforgeError.h"

CsvSource::CsvSource(const QString &path, const QByteArray &head, const ImportOptions &options)
    : m_file(path), m_maxRecordBytes(options.maxRecordBytes)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw RowforgeError(QStringLiteral("cannot read the file: %1").arg(m_file.errorString()));
    if (options.encoding) {
        m_encoding = *options.encoding;
        m_encodingGiven = true;
        m_bom = TextEncoding::bomLength(head, m_encoding);
    } else {
        m_encoding = TextEncoding::detect(head, &m_bom);
    }
    detectDialect(head, options);
    rewind();
}

void CsvSource::detectDialect(const QByteArray &head, const ImportOptions &options)
{
    QString sample;
    TextDecoder decoder(m_encoding);
    decoder.appendDecoded(head.mid(m_bom), sample);
    const bool complete = head.size() >= m_file.size();
    m_delimiter =
        options.delimiter ? *options.delimiter : CsvSniffer::sniffDelimiter(sample, complete);
    m_hasHeader =
        options.header ? *options.header : CsvSniffer::sniffHeader(sample, m_delimiter, complete);
}

void CsvSource::rewind()
{
    m_file.seek(m_bom);
    m_reader = std::make_unique<CsvReader>(&m_file, m_encoding, m_delimiter);
    m_reader->setMaxRecordBytes(m_maxRecordBytes);
    m_header.clear();
    if (m_hasHeader) {
        ImportRecord record;
        if (m_reader->next(record)) {
            for (int i = 0; i < record.size; ++i)
                m_header << (record.kinds.at(i) == ImportRecord::Null
                                 ? QString()
                                 : ImportNaming::explicitName(record.values.at(i)));
        }
        m_reader->setBlankLinesAreRecords(m_header.size() == 1);
    }
}

bool CsvSource::next(ImportRecord &record)
{
    return m_reader->next(record);
}

bool CsvSource::fallBackToWindows1252()
{
    if (m_encodingGiven || m_encoding != TextEncoding::Utf8)
        return false;
    m_encoding = TextEncoding::Windows1252;
    m_bom = 0;
    rewind();
    return true;
}
