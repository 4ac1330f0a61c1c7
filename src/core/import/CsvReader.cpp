#include "CsvReader.h"

#include "util/RowforgeError.h"

namespace {
constexpr qint64 BaseChunk = 1 << 20;
constexpr qint64 MaxChunk = 16 << 20;
const QChar Quote = u'"';
const QChar Cr = u'\r';
const QChar Lf = u'\n';

qint64 countLineBreaks(const QChar *text, qsizetype length)
{
    qint64 breaks = 0;
    for (qsizetype i = 0; i < length; ++i) {
        if (text[i] == Lf)
            ++breaks;
        else if (text[i] == Cr && (i + 1 >= length || text[i + 1] != Lf))
            ++breaks;
    }
    return breaks;
}
} // namespace

CsvReader::CsvReader(QIODevice *device, TextEncoding::Kind encoding, QChar delimiter)
    : m_device(device), m_decoder(encoding), m_delimiter(delimiter), m_chunkSize(BaseChunk)
{}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    m_bytes.resize(m_chunkSize);
    const qint64 got = m_device->read(m_bytes.data(), m_chunkSize);
    if (got < 0)
        throw RowforgeError(QStringLiteral("read error: %1").arg(m_device->errorString()));
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_bytesRead += got;
    m_bytes.truncate(got);
    m_decoder.appendDecoded(m_bytes, m_text);
    return true;
}

bool CsvReader::next(ImportRecord &record)
{
    for (;;) {
        const qsizetype before = m_text.size() - m_pos;
        switch (parse(record)) {
        case Parse::Complete:
            m_chunkSize = BaseChunk;
            return true;
        case Parse::End:
            return false;
        case Parse::NeedMore:
            // A record longer than what is buffered: read more, in growing chunks, so one huge
            // field costs a few re-scans rather than one per chunk.
            // Counted as the memory it takes (two bytes a character).
            if (before * qint64(sizeof(QChar)) > m_maxRecord)
                throw RowforgeError(
                    QStringLiteral("line %1: a record longer than %2 MB — a quote that is never "
                                   "closed, or not a CSV file? (the limit is an import option)")
                        .arg(QString::number(m_line), QString::number(m_maxRecord >> 20)));
            if (before > m_chunkSize / 2 && m_chunkSize < MaxChunk)
                m_chunkSize *= 2;
            fill();
            break;
        }
    }
}

CsvReader::Parse CsvReader::parse(ImportRecord &record)
{
    const QChar *d = m_text.constData();
    const qsizetype n = m_text.size();
    qsizetype p = m_pos;
    qint64 line = m_line;

    if (m_blankLinesAreRecords && p < n && (d[p] == Lf || d[p] == Cr)) {
        if (d[p] == Cr && p + 1 == n && !m_eof)
            return Parse::NeedMore;
        record.clear();
        record.line = line;
        record.append(ImportRecord::Null);
        m_pos = p + ((d[p] == Cr && p + 1 < n && d[p + 1] == Lf) ? 2 : 1);
        m_line = line + 1;
        return Parse::Complete;
    }
    // Blank lines between records are skipped.
    while (p < n && (d[p] == Lf || d[p] == Cr)) {
        if (d[p] == Cr && p + 1 == n && !m_eof)
            return Parse::NeedMore;
        p += (d[p] == Cr && p + 1 < n && d[p + 1] == Lf) ? 2 : 1;
        ++line;
    }
    if (p >= n) {
        m_pos = p;
        m_line = line;
        return m_eof ? Parse::End : Parse::NeedMore;
    }

    record.clear();
    record.line = line;
    qint64 breaksInQuotes = 0;
    for (;;) {
        if (p < n && d[p] == Quote) {
            QString &field = record.append(ImportRecord::Raw);
            ++p;
            for (;;) {
                const qsizetype close = m_text.indexOf(Quote, p);
                if (close < 0) {
                    if (m_eof)
                        throw RowforgeError(QStringLiteral("line %1: unterminated quoted field "
                                                           "(a \" is never closed)")
                                                .arg(line + breaksInQuotes));
                    return Parse::NeedMore;
                }
                breaksInQuotes += countLineBreaks(d + p, close - p);
                field.append(d + p, close - p);
                if (close + 1 == n && !m_eof)
                    return Parse::NeedMore; // a doubled quote may continue in the next chunk
                if (close + 1 < n && d[close + 1] == Quote) {
                    field.append(Quote);
                    p = close + 2;
                    continue;
                }
                p = close + 1;
                break;
            }
            // Text after a closing quote is kept, as most CSV readers do: "a"b reads as ab.
            const qsizetype tail = p;
            while (p < n && d[p] != m_delimiter && d[p] != Lf && d[p] != Cr)
                ++p;
            if (p == n && !m_eof)
                return Parse::NeedMore;
            field.append(d + tail, p - tail);
            if (field.isEmpty())
                record.kinds[record.size - 1] = ImportRecord::Text;
        } else {
            const qsizetype start = p;
            while (p < n && d[p] != m_delimiter && d[p] != Lf && d[p] != Cr)
                ++p;
            if (p == n && !m_eof)
                return Parse::NeedMore;
            record.append(p == start ? ImportRecord::Null : ImportRecord::Raw)
                .append(d + start, p - start);
        }
        if (p < n && d[p] == m_delimiter) {
            ++p;
            if (p == n && !m_eof)
                return Parse::NeedMore;
            continue;
        }
        break;
    }
    // End of the record: a line break or the end of the file.
    if (p < n && d[p] == Cr) {
        if (p + 1 == n && !m_eof)
            return Parse::NeedMore;
        p += (p + 1 < n && d[p + 1] == Lf) ? 2 : 1;
    } else if (p < n && d[p] == Lf) {
        ++p;
    }
    m_pos = p;
    m_line = line + 1 + breaksInQuotes;
    return Parse::Complete;
}
