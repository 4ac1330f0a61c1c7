#include "TsvText.h"

#include <QLocale>
#include <cmath>

QString TsvText::field(const QVariant &value)
{
    QString text;
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return {};
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toBase64());
    case QMetaType::Double:
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e') && std::isfinite(value.toDouble()))
            text += QStringLiteral(".0");
        return text;
    default:
        if (value.isNull())
            return {};
        text = value.toString();
    }
    if (text.contains(u'\t') || text.contains(u'\n') || text.contains(u'\r') || text.contains(u'"'))
        text = u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

QString TsvText::write(const QList<QVariantList> &rows, const QStringList &headers)
{
    QString out;
    if (!headers.isEmpty()) {
        QStringList fields;
        for (const QString &header : headers)
            fields << field(header);
        out += fields.join(u'\t') + u'\n';
    }
    for (const QVariantList &row : rows) {
        QStringList fields;
        for (const QVariant &value : row)
            fields << field(value);
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

QList<QStringList> TsvText::read(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString current;
    bool quoted = false, fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                current += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == u'\t') {
            row << current;
            current.clear();
            fieldStarted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            row << current;
            rows << row;
            row.clear();
            current.clear();
            fieldStarted = false;
        } else {
            current += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !row.isEmpty() || !current.isEmpty()) {
        row << current;
        rows << row;
    }
    return rows;
}
