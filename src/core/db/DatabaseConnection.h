#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// A SQLite connection owned by the thread that creates it. Qt's connections are per thread,
// so every worker opens its own under a unique name; the destructor closes and removes it.
// Foreign keys are enforced on every connection.
class DatabaseConnection
{
public:
    enum class Mode { OpenExisting, CreateIfMissing };

    explicit DatabaseConnection(const QString &path, Mode mode = Mode::OpenExisting);
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    QSqlDatabase &database() { return m_database; }
    const QString &path() const { return m_path; }

    // Switches the file to write-ahead logging (persistent). Readers then never block the
    // writer, so the GUI's workers can read while an import writes. Returns the journal mode
    // the file had when it was switched ("delete", "truncate", ...), else an empty string.
    QString enableWriteAheadLog();
    // Puts back a journal mode that enableWriteAheadLog() replaced. Only possible when no other
    // connection is reading the file: tries for up to patienceMs, then leaves the file in WAL,
    // which is harmless.
    void restoreJournalMode(const QString &mode, int patienceMs);

    // The database file and the files SQLite keeps beside it (-wal, -shm, -journal): what
    // goes when a database is replaced or removed, lest SQLite replay them onto a new file.
    static QStringList filesOf(const QString &path);

private:
    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_database;
};
