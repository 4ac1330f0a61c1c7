#include "ColumnType.h"

namespace {
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
} // namespace

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
    if (isIntegerSyntax(text)) {
        bool ok = false;
        text.toLongLong(&ok);
        if (ok)
            return Integer;
        // Past 64 bits: REAL only if the double is exactly this integer.
        const double value = text.toDouble(&ok);
        QString digits = text;
        if (digits.startsWith(u'-'))
            digits.remove(0, 1);
        return ok && QString::number(std::abs(value), 'f', 0) == digits ? Real : Text;
    }
    if (isRealSyntax(text)) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        return ok && std::isfinite(value) ? Real : Text;
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
    }
    return {};
}

QVariant ColumnType::convert(Type column, ImportRecord::Kind kind, const QString &text, bool *ok)
{
    *ok = true;
    if (kind == ImportRecord::Null)
        return QVariant(QMetaType(QMetaType::QString)); // a null of any type binds NULL
    switch (column) {
    case Integer:
        if (classify(kind, text) == Integer)
            return text.toLongLong();
        break;
    case Real: {
        const Type type = classify(kind, text);
        if (type == Integer || type == Real)
            return text.toDouble();
        break;
    }
    case Null:
    case Text:
        return text;
    }
    *ok = false;
    return {};
}
