#pragma once

#include <QString>
#include <QStringList>

// The queries run on each database, newest first, kept in the application's data folder
// (never in the user's database) so that they come back the next time it is opened.
class QueryHistory
{
public:
    static constexpr int MaxPerDatabase = 100;

    // `file` empty: query-history.json in the application's data folder.
    explicit QueryHistory(QString file = {});

    QStringList of(const QString &databasePath) const;
    // Puts `sql` first for the database (once: an earlier run of the same text moves up), and
    // forgets databases whose files are gone. A file that cannot be written only loses history.
    void add(const QString &databasePath, const QString &sql) const;

private:
    QString m_file;
};
