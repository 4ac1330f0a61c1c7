#pragma once

#include <QList>
#include <QString>

// One row read from a file: its values as text with a kind each, and the line it starts on.
// Readers reuse one record for every row, so its strings keep their capacity.
struct ImportRecord
{
    enum Kind : quint8 {
        Null,    // an empty unquoted CSV field, JSON null, a missing JSON key
        Raw,     // text whose type is inferred (CSV)
        Text,    // text that stays text (a quoted empty CSV field, a JSON string)
        Integer, // a JSON integer literal
        Real,    // a JSON number with a fraction or exponent
    };

    QList<QString> values;
    QList<Kind> kinds;
    int size = 0;
    qint64 line = 0;

    void clear() { size = 0; }
    QString &append(Kind kind)
    {
        if (size == values.size()) {
            values.append(QString());
            kinds.append(kind);
        } else {
            values[size].truncate(0);
            kinds[size] = kind;
        }
        return values[size++];
    }
};
