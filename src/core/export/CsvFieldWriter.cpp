#include "CsvFieldWriter.h"

#include <QLocale>
#include <cmath>
#include <cstring>

CsvFieldWriter::CsvFieldWriter(const ExportOptions &options)
    : m_delimiter(QString(options.delimiter).toUtf8()),
      m_lineEnd(options.crlf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n")),
      m_nullText(options.nullText.toUtf8())
{}

bool CsvFieldWriter::needsQuotes(const char *utf8, qsizetype length) const
{
    if (length == 0)
        return true; // "" is the empty string; an empty unquoted field is NULL
    if (utf8[0] == ' ' || utf8[length - 1] == ' ' || utf8[0] == '\t' || utf8[length - 1] == '\t')
        return true;
    if (!m_nullText.isEmpty() && length == m_nullText.size() &&
        std::memcmp(utf8, m_nullText.constData(), size_t(length)) == 0)
        return true;
    const char delimiter = m_delimiter.size() == 1 ? m_delimiter[0] : '\0';
    for (qsizetype i = 0; i < length; ++i) {
        const char c = utf8[i];
        if (c == '"' || c == '\n' || c == '\r' || c == delimiter)
            return true;
    }
    // A multi-byte delimiter (non-ASCII) is searched for as a whole.
    return m_delimiter.size() > 1 && QByteArrayView(utf8, length).contains(m_delimiter);
}

void CsvFieldWriter::appendText(QByteArray &out, const char *utf8, qsizetype length) const
{
    if (!needsQuotes(utf8, length)) {
        out.append(utf8, length);
        return;
    }
    out += '"';
    qsizetype run = 0;
    for (qsizetype i = 0; i < length; ++i) {
        if (utf8[i] == '"') {
            out.append(utf8 + run, i - run + 1);
            out += '"';
            run = i + 1;
        }
    }
    out.append(utf8 + run, length - run);
    out += '"';
}

void CsvFieldWriter::appendInteger(QByteArray &out, qint64 value) const
{
    char buffer[24];
    const int n = std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
    out.append(buffer, n);
}

void CsvFieldWriter::appendReal(QByteArray &out, double value) const
{
    if (!std::isfinite(value)) {
        out += std::isnan(value) ? "NaN" : (value > 0 ? "Inf" : "-Inf");
        return;
    }
    QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    // A whole REAL keeps a fraction, so that it reads back as REAL, not INTEGER.
    if (!text.contains('.') && !text.contains('e'))
        text += ".0";
    out += text;
}

void CsvFieldWriter::appendBlob(QByteArray &out, const char *bytes, qsizetype length) const
{
    // An empty BLOB is quoted like the empty string: unquoted it would read back as NULL.
    if (length == 0)
        out += "\"\"";
    else
        out += QByteArray::fromRawData(bytes, length).toBase64();
}
