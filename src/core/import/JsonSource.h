#pragma once

#include "JsonFlattener.h"
#include "RecordSource.h"

#include <QFile>
#include <QHash>

// A JSON array of objects or JSON Lines (one object per line, blank lines skipped), read one
// object at a time so memory stays flat. Columns are the union of all keys in first-seen
// order; a key an object leaves out is NULL.
class JsonSource : public RecordSource
{
public:
    enum Layout { Array, Lines };
    // maxRecordBytes: a longer object or line is refused (ImportOptions::maxRecordBytes).
    JsonSource(const QString &path, Layout layout, qint64 maxRecordBytes = 64LL * 1024 * 1024);

    QString format() const override
    {
        return m_layout == Array ? QStringLiteral("JSON") : QStringLiteral("JSONL");
    }
    void rewind() override;
    bool next(ImportRecord &record) override;
    QStringList header() const override { return m_keys; }
    bool fixedWidth() const override { return false; }
    qint64 bytesRead() const override { return m_consumed; }
    qint64 totalBytes() const override { return m_file.size(); }
    TextEncoding::Kind encoding() const override { return TextEncoding::Utf8; }

private:
    bool readObjectText(QByteArray &object, qint64 *line, qint64 *column);
    bool readLine(QByteArray &line);
    int peekSignificant();
    void fill();
    [[noreturn]] void fail(qint64 line, qint64 column, const QString &message) const;
    void locate(const QByteArray &text, qsizetype offset, qint64 *line, qint64 *column) const;

    QFile m_file;
    Layout m_layout;
    qint64 m_maxRecordBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    qint64 m_line = 1;
    qint64 m_column = 1;
    bool m_started = false;
    bool m_finished = false;
    QStringList m_keys;
    QHash<QString, int> m_keyIndex;
    QByteArray m_object;
    QList<JsonFlattener::Field> m_fields;
};
