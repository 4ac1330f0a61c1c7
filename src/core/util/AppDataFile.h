#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

// A small JSON object kept in the application's data folder, keyed by database file: what
// Rowforge remembers of a database without writing into it (generated rows, query history).
// Two Rowforge processes may change it at once; one writes at a time.
class AppDataFile
{
public:
    // `path` empty: `defaultName` in the application's data folder.
    AppDataFile(const QString &path, const QString &defaultName);

    const QString &path() const { return m_path; }
    QJsonObject read() const;
    // Reads, lets `change` edit, writes back atomically. A file that is locked for long or
    // cannot be written is left as it was: what it remembers is a convenience, not data.
    void update(const std::function<void(QJsonObject &)> &change) const;

    // The key a database file goes by: its canonical path, so that two spellings of one
    // file are one entry.
    static QString databaseKey(const QString &databasePath);

private:
    QString m_path;
};
