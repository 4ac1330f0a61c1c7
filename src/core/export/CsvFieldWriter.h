#pragma once

#include "ExportOptions.h"

#include <QByteArray>

// Appends CSV fields to a byte buffer: quoted when a field holds the delimiter, a quote, CR,
// LF, or leading or trailing spaces (and for the empty string and the NULL marker, so they
// stay apart from NULL); quotes doubled.
class CsvFieldWriter
{
public:
    explicit CsvFieldWriter(const ExportOptions &options);

    void appendText(QByteArray &out, const char *utf8, qsizetype length) const;
    void appendNull(QByteArray &out) const { out += m_nullText; }
    void appendInteger(QByteArray &out, qint64 value) const;
    void appendReal(QByteArray &out, double value) const;
    void appendBlob(QByteArray &out, const char *bytes, qsizetype length) const;
    void appendDelimiter(QByteArray &out) const { out += m_delimiter; }
    void appendLineEnd(QByteArray &out) const { out += m_lineEnd; }

private:
    bool needsQuotes(const char *utf8, qsizetype length) const;

    QByteArray m_delimiter;
    QByteArray m_lineEnd;
    QByteArray m_nullText;
};
