#include "JsonFlattener.h"

#include <QJsonDocument>

namespace {
constexpr int MaxDepth = 256;
}

void JsonFlattener::flatten(const QByteArray &text, QList<Field> &fields)
{
    fields.clear();
    JsonFlattener parser(text, fields);
    parser.skipSpace();
    if (parser.m_pos >= text.size() || text[parser.m_pos] != '{')
        parser.fail(QStringLiteral("expected a JSON object"));
    parser.parseObject(QString());
    parser.skipSpace();
    if (parser.m_pos != text.size())
        parser.fail(QStringLiteral("unexpected text after the object"));
}

void JsonFlattener::fail(const QString &message) const
{
    throw SyntaxError{m_pos, message};
}

void JsonFlattener::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        ++m_pos;
    }
}

void JsonFlattener::expect(char c)
{
    skipSpace();
    if (m_pos >= m_text.size() || m_text[m_pos] != c)
        fail(QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
    ++m_pos;
}

void JsonFlattener::parseObject(const QString &prefix)
{
    if (++m_depth > MaxDepth)
        fail(QStringLiteral("objects nested too deeply"));
    expect('{');
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == '}') {
        ++m_pos;
        --m_depth;
        return;
    }
    for (;;) {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            fail(QStringLiteral("expected a key in double quotes"));
        const QString key = parseString();
        expect(':');
        parseValue(prefix + key);
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        expect('}');
        break;
    }
    --m_depth;
}

void JsonFlattener::parseValue(const QString &name)
{
    skipSpace();
    if (m_pos >= m_text.size())
        fail(QStringLiteral("unexpected end of the object"));
    const char c = m_text[m_pos];
    if (c == '{') {
        parseObject(name + QStringLiteral("__"));
    } else if (c == '[') {
        const qsizetype start = m_pos;
        const qsizetype end = skipComposite();
        QJsonParseError error;
        const QJsonDocument array = QJsonDocument::fromJson(m_text.mid(start, end - start), &error);
        if (error.error != QJsonParseError::NoError) {
            m_pos = start + error.offset;
            fail(error.errorString());
        }
        m_fields.append(
            {name, ImportRecord::Text, QString::fromUtf8(array.toJson(QJsonDocument::Compact))});
    } else if (c == '"') {
        m_fields.append({name, ImportRecord::Text, parseString()});
    } else if (m_text.mid(m_pos, 4) == "true") {
        m_pos += 4;
        m_fields.append({name, ImportRecord::Integer, QStringLiteral("1")});
    } else if (m_text.mid(m_pos, 5) == "false") {
        m_pos += 5;
        m_fields.append({name, ImportRecord::Integer, QStringLiteral("0")});
    } else if (m_text.mid(m_pos, 4) == "null") {
        m_pos += 4;
        m_fields.append({name, ImportRecord::Null, QString()});
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        const qsizetype start = m_pos;
        bool real = false;
        if (m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [this] {
            const qsizetype from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        const qsizetype intStart = m_pos;
        const qsizetype intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && m_text[intStart] == '0'))
            fail(QStringLiteral("invalid number"));
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            real = true;
            if (digits() == 0)
                fail(QStringLiteral("invalid number"));
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            real = true;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                fail(QStringLiteral("invalid number"));
        }
        m_fields.append({name, real ? ImportRecord::Real : ImportRecord::Integer,
                         QString::fromLatin1(m_text.mid(start, m_pos - start))});
    } else {
        fail(QStringLiteral("unexpected character '%1'").arg(QLatin1Char(c)));
    }
}

QString JsonFlattener::parseString()
{
    ++m_pos; // opening quote
    QString result;
    qsizetype run = m_pos;
    auto flush = [&] { result += QString::fromUtf8(m_text.constData() + run, m_pos - run); };
    while (m_pos < m_text.size()) {
        const auto c = static_cast<unsigned char>(m_text[m_pos]);
        if (c == '"') {
            flush();
            ++m_pos;
            return result;
        }
        if (c < 0x20)
            fail(QStringLiteral("control character in a string"));
        if (c != '\\') {
            ++m_pos;
            continue;
        }
        flush();
        if (m_pos + 1 >= m_text.size())
            break;
        const char e = m_text[m_pos + 1];
        m_pos += 2;
        switch (e) {
        case '"':
            result += u'"';
            break;
        case '\\':
            result += u'\\';
            break;
        case '/':
            result += u'/';
            break;
        case 'b':
            result += u'\b';
            break;
        case 'f':
            result += u'\f';
            break;
        case 'n':
            result += u'\n';
            break;
        case 'r':
            result += u'\r';
            break;
        case 't':
            result += u'\t';
            break;
        case 'u': {
            bool ok = false;
            const ushort unit = m_text.mid(m_pos, 4).toUShort(&ok, 16);
            if (!ok || m_pos + 4 > m_text.size())
                fail(QStringLiteral("invalid \\u escape"));
            result += QChar(unit);
            m_pos += 4;
            break;
        }
        default:
            m_pos -= 1;
            fail(QStringLiteral("invalid escape \\%1").arg(QLatin1Char(e)));
        }
        run = m_pos;
    }
    fail(QStringLiteral("unterminated string"));
}

// Returns the offset just past the array or object starting at m_pos, and moves there.
qsizetype JsonFlattener::skipComposite()
{
    int depth = 0;
    bool inString = false;
    for (; m_pos < m_text.size(); ++m_pos) {
        const char c = m_text[m_pos];
        if (inString) {
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            ++depth;
        else if ((c == ']' || c == '}') && --depth == 0)
            return ++m_pos;
    }
    fail(QStringLiteral("unterminated array"));
}
