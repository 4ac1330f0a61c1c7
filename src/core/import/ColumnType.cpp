#include "ColumnType.h"

#include <charconv>

namespace {
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Numbers are ASCII; copy them to a small char buffer for std::from_chars.
template <typename T> bool parseAscii(const QString &text, T *value)
{
    char buffer[400];
    const qsizetype n = text.size();
    if (n == 0 || n >= qsizetype(sizeof buffer))
        return false;
    const QChar *d = text.constData();
    for (qsizetype i = 0; i < n; ++i) {
        if (d[i].unicode() > 127)
            return false;
        buffer[i] = char(d[i].unicode());
    }
    const auto [end, error] = std::from_chars(buffer, buffer + n, *value);
    return error == std::errc() && end == buffer + n;
}
} // namespace

bool ColumnType::parseInteger(const QString &text, qint64 *value)
{
    long long parsed = 0;
    if (!parseAscii(text, &parsed))
        return false;
    *value = parsed;
    return true;
}

bool ColumnType::parseReal(const QString &text, double *value)
{
    return parseAscii(text, value);
}

bool ColumnType::isIntegerSyntax(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = (n > 0 && text[0] == u'-') ? 1 : 0;
    if (i == n)
        return false;
    if (text[i] == u'0')
        return n == 1; // "0" only: "-0" and "007" keep their spelling as text
    for (; i < n; ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

bool ColumnType::isRealSyntax(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = (n > 0 && text[0] == u'-') ? 1 : 0;
    const qsizetype intStart = i;
    while (i < n && isDigit(text[i]))
        ++i;
    const qsizetype intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && text[intStart] == u'0'))
        return false;
    bool fractionOrExponent = false;
    if (i < n && text[i] == u'.') {
        const qsizetype fracStart = ++i;
        while (i < n && isDigit(text[i]))
            ++i;
        if (i == fracStart)
            return false;
        fractionOrExponent = true;
    }
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < n && (text[i] == u'+' || text[i] == u'-'))
            ++i;
        const qsizetype expStart = i;
        while (i < n && isDigit(text[i]))
            ++i;
        if (i == expStart)
            return false;
        fractionOrExponent = true;
    }
    return i == n && fractionOrExponent;
}

ColumnType::Type ColumnType::classify(const QString &text)
{
    if (text.isEmpty())
        return Text;
    double real = 0;
    if (isIntegerSyntax(text)) {
        // Up to 18 digits always fits in 64 bits: no need to parse to know.
        const qsizetype digitCount = text.size() - (text.startsWith(u'-') ? 1 : 0);
        qint64 integer = 0;
        if (digitCount <= 18 || parseInteger(text, &integer))
            return Integer;
        // Past 64 bits: REAL only if the double is exactly this integer.
        if (!parseReal(text, &real))
            return Text;
        QString digits = text;
        if (digits.startsWith(u'-'))
            digits.remove(0, 1);
        return QString::number(std::abs(real), 'f', 0) == digits ? Real : Text;
    }
    if (isRealSyntax(text)) {
        // Without an exponent a decimal of this length cannot overflow a double.
        if (text.size() < 300 && !text.contains(u'e') && !text.contains(u'E'))
            return Real;
        return parseReal(text, &real) && std::isfinite(real) ? Real : Text;
    }
    return Text;
}

ColumnType::Type ColumnType::classify(ImportRecord::Kind kind, const QString &text)
{
    switch (kind) {
    case ImportRecord::Null:
        return Null;
    case ImportRecord::Text:
        return Text;
    case ImportRecord::Integer:
    case ImportRecord::Real:
    case ImportRecord::Raw:
        return classify(text);
    }
    return Text;
}

bool ColumnType::integerValue(ImportRecord::Kind kind, const QString &text, qint64 *value)
{
    return kind != ImportRecord::Text && kind != ImportRecord::Null && isIntegerSyntax(text) &&
           parseInteger(text, value);
}

bool ColumnType::realValue(ImportRecord::Kind kind, const QString &text, double *value)
{
    const Type type = classify(kind, text);
    return (type == Integer || type == Real) && parseReal(text, value);
}

QString ColumnType::sqlName(Type type)
{
    switch (type) {
    case Integer:
        return QStringLiteral("INTEGER");
    case Real:
        return QStringLiteral("REAL");
    case Null:
    case Text:
        return QStringLiteral("TEXT");
    case Date:
        return QStringLiteral("DATE");
    case DateTime:
        return QStringLiteral("DATETIME");
    }
    return {};
}

QVariant ColumnType::convert(Type column, ImportRecord::Kind kind, const QString &text, bool *ok)
{
    *ok = true;
    if (kind == ImportRecord::Null)
        return QVariant(QMetaType(QMetaType::QString)); // a null of any type binds NULL
    switch (column) {
    case Integer: {
        qint64 value = 0;
        if (integerValue(kind, text, &value))
            return value;
        break;
    }
    case Real: {
        double value = 0;
        if (realValue(kind, text, &value))
            return value;
        break;
    }
    case Null:
    case Text:
    case Date: // shown as the file has it; the import reads it in its format
    case DateTime:
        return text;
    }
    *ok = false;
    return {};
}
