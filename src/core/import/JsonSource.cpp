#include "JsonSource.h"

#include "ImportNaming.h"
#include "util/RowforgeError.h"

namespace {
constexpr qint64 ChunkSize = 1 << 20;
}

JsonSource::JsonSource(const QString &path, Layout layout, qint64 maxRecordBytes)
    : m_file(path), m_layout(layout), m_maxRecordBytes(maxRecordBytes)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw RowforgeError(QStringLiteral("cannot read the file: %1").arg(m_file.errorString()));
    rewind();
}

void JsonSource::rewind()
{
    m_file.seek(0);
    m_buffer.clear();
    m_pos = 0;
    m_consumed = 0;
    m_line = 1;
    m_column = 1;
    m_started = false;
    m_finished = false;
    fill();
    if (m_buffer.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

void JsonSource::fail(qint64 line, qint64 column, const QString &message) const
{
    throw RowforgeError(
        QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message));
}

void JsonSource::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    // What is still buffered is the record being read: refuse it before it takes all memory.
    if (m_buffer.size() > m_maxRecordBytes)
        fail(m_line, m_column,
             QStringLiteral("a record longer than %1 MB — a string that is never closed, or not "
                            "a JSON file? (the limit is an import option)")
                 .arg(m_maxRecordBytes >> 20));
    m_buffer += m_file.read(ChunkSize);
}

// Moves past whitespace (counting lines) and returns the next byte, or -1 at the end.
int JsonSource::peekSignificant()
{
    for (;;) {
        while (m_pos < m_buffer.size()) {
            const char c = m_buffer[m_pos];
            if (c == '\n') {
                ++m_line;
                m_column = 1;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_column;
            } else {
                return static_cast<unsigned char>(c);
            }
            ++m_pos;
            ++m_consumed;
        }
        fill();
        if (m_pos >= m_buffer.size())
            return -1;
    }
}

void JsonSource::locate(const QByteArray &text, qsizetype offset, qint64 *line,
                        qint64 *column) const
{
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++*column;
        }
    }
}

// Cuts the next top-level object of the array out of the stream.
bool JsonSource::readObjectText(QByteArray &object, qint64 *line, qint64 *column)
{
    if (m_finished)
        return false;
    if (!m_started) {
        if (peekSignificant() != '[')
            fail(m_line, m_column, QStringLiteral("expected a JSON array of objects"));
        ++m_pos, ++m_consumed, ++m_column;
        m_started = true;
        if (peekSignificant() == ']') {
            ++m_pos, ++m_consumed;
            m_finished = true;
            return false;
        }
    } else {
        const int c = peekSignificant();
        if (c == ']') {
            ++m_pos, ++m_consumed;
            m_finished = true;
            if (peekSignificant() != -1)
                fail(m_line, m_column, QStringLiteral("unexpected text after the array"));
            return false;
        }
        if (c != ',')
            fail(m_line, m_column,
                 c < 0 ? QStringLiteral("the array is never closed (missing ']')")
                       : QStringLiteral("expected ',' or ']' between objects"));
        ++m_pos, ++m_consumed, ++m_column;
    }
    const int c = peekSignificant();
    if (c != '{')
        fail(m_line, m_column,
             c < 0 ? QStringLiteral("the array is never closed (missing ']')")
                   : QStringLiteral("expected an object; the array must hold only objects"));
    *line = m_line;
    *column = m_column;
    // Scan to the matching brace, refilling as needed; strings may hold braces.
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qsizetype i = m_pos;
    for (;;) {
        if (i >= m_buffer.size()) {
            const qsizetype offset = i - m_pos;
            const qsizetype before = m_buffer.size() - m_pos;
            fill();
            i = m_pos + offset;
            if (m_buffer.size() - m_pos == before)
                fail(*line, *column, QStringLiteral("the object is never closed (missing '}')"));
            continue;
        }
        const char ch = m_buffer[i++];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '"')
            inString = true;
        else if (ch == '{' || ch == '[')
            ++depth;
        else if ((ch == '}' || ch == ']') && --depth == 0)
            break;
    }
    object = m_buffer.mid(m_pos, i - m_pos);
    qint64 endLine = m_line, endColumn = m_column;
    locate(object, object.size(), &endLine, &endColumn);
    m_line = endLine;
    m_column = endColumn;
    m_consumed += i - m_pos;
    m_pos = i;
    return true;
}

bool JsonSource::readLine(QByteArray &line)
{
    for (;;) {
        const qsizetype eol = m_buffer.indexOf('\n', m_pos);
        if (eol >= 0) {
            line = m_buffer.mid(m_pos, eol - m_pos);
            m_consumed += eol + 1 - m_pos;
            m_pos = eol + 1;
            return true;
        }
        const qsizetype before = m_buffer.size() - m_pos;
        fill();
        if (m_buffer.size() - m_pos == before) {
            if (m_pos >= m_buffer.size())
                return false;
            line = m_buffer.mid(m_pos);
            m_consumed += m_buffer.size() - m_pos;
            m_pos = m_buffer.size();
            return true;
        }
    }
}

bool JsonSource::next(ImportRecord &record)
{
    qint64 line = m_line;
    qint64 column = 1;
    if (m_layout == Array) {
        if (!readObjectText(m_object, &line, &column))
            return false;
    } else {
        for (;;) {
            line = m_line;
            if (!readLine(m_object))
                return false;
            ++m_line;
            if (!m_object.trimmed().isEmpty())
                break;
        }
        if (m_object.endsWith('\r'))
            m_object.chop(1);
    }
    try {
        JsonFlattener::flatten(m_object, m_fields);
    } catch (const JsonFlattener::SyntaxError &error) {
        locate(m_object, error.offset, &line, &column);
        fail(line, column, error.message);
    }
    record.clear();
    record.line = line;
    for (int i = 0; i < m_keys.size(); ++i)
        record.append(ImportRecord::Null);
    for (const JsonFlattener::Field &field : m_fields) {
        int index = m_keyIndex.value(field.name, -1);
        if (index < 0) {
            index = int(m_keys.size());
            m_keys << ImportNaming::explicitName(field.name);
            m_keyIndex.insert(field.name, index);
            record.append(ImportRecord::Null);
        }
        record.kinds[index] = field.kind;
        record.values[index] = field.value;
    }
    return true;
}
