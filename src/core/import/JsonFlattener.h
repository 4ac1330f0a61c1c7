#pragma once

#include "ImportRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Parses one JSON object (UTF-8) into flat (column, value) pairs in document order: nested
// objects become parent__child columns, arrays are kept as compact JSON text, true/false are
// 1/0. Numbers keep their literal text, so big integers lose no digits.
class JsonFlattener
{
public:
    struct Field
    {
        QString name;
        ImportRecord::Kind kind;
        QString value;
    };
    struct SyntaxError
    {
        qsizetype offset; // into the text given to flatten()
        QString message;
    };

    // Throws SyntaxError.
    static void flatten(const QByteArray &text, QList<Field> &fields);

private:
    JsonFlattener(const QByteArray &text, QList<Field> &fields) : m_text(text), m_fields(fields) {}
    void parseObject(const QString &prefix);
    void parseValue(const QString &name);
    QString parseString();
    void skipSpace();
    void expect(char c);
    [[noreturn]] void fail(const QString &message) const;
    qsizetype skipComposite();

    const QByteArray &m_text;
    QList<Field> &m_fields;
    qsizetype m_pos = 0;
    int m_depth = 0;
};
