#pragma once

#include <QByteArray>
#include <QVariant>

// One generated value, kept in the form SQLite binds: no QVariant per value, text as UTF-8.
// `order` is the value as a number (numbers, dates as seconds since the epoch), for
// generators that follow another column ("after").
struct GeneratedValue
{
    enum Type : quint8 { Null, Integer, Real, Text, Blob };

    Type type = Null;
    qint64 integer = 0;
    double real = 0;
    double order = 0;
    QByteArray bytes; // text (UTF-8) or blob

    void setNull() { type = Null; }
    void setInteger(qint64 value)
    {
        type = Integer;
        integer = value;
        order = double(value);
    }
    void setReal(double value)
    {
        type = Real;
        real = value;
        order = value;
    }
    void setText(const QByteArray &utf8)
    {
        type = Text;
        bytes = utf8;
    }

    // The value as text: what a "by" table of a dependent choice is keyed on.
    QByteArray key() const
    {
        switch (type) {
        case Integer:
            return QByteArray::number(integer);
        case Real:
            return QByteArray::number(real, 'g', 17);
        case Text:
        case Blob:
            return bytes;
        case Null:
            break;
        }
        return {};
    }

    QVariant toVariant() const
    {
        switch (type) {
        case Integer:
            return integer;
        case Real:
            return real;
        case Text:
            return QString::fromUtf8(bytes);
        case Blob:
            return bytes;
        case Null:
            break;
        }
        return {};
    }
};
