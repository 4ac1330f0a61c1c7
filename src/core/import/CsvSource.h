#pragma once

#include "CsvReader.h"
#include "RecordSource.h"

#include <QFile>
#include <memory>

// A CSV/TSV file: encoding and dialect detected from its first 64 KB unless given.
class CsvSource : public RecordSource
{
public:
    CsvSource(const QString &path, const QByteArray &head, const ImportOptions &options);

    QString format() const override { return QStringLiteral("CSV"); }
    void rewind() override;
    bool next(ImportRecord &record) override;
    QStringList header() const override { return m_header; }
    bool fixedWidth() const override { return true; }
    qint64 bytesRead() const override { return m_bom + (m_reader ? m_reader->bytesRead() : 0); }
    qint64 totalBytes() const override { return m_file.size(); }
    bool decodingFailed() const override { return m_reader && m_reader->decodingFailed(); }
    bool fallBackToWindows1252() override;
    TextEncoding::Kind encoding() const override { return m_encoding; }
    QChar delimiter() const override { return m_delimiter; }
    bool hasHeader() const override { return m_hasHeader; }

private:
    void detectDialect(const QByteArray &head, const ImportOptions &options);

    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    TextEncoding::Kind m_encoding = TextEncoding::Utf8;
    bool m_encodingGiven = false;
    int m_bom = 0;
    QChar m_delimiter = u',';
    bool m_hasHeader = true;
    QStringList m_header;
    qint64 m_maxRecordBytes;
};
