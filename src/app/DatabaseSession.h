#pragma once

#include "db/TableInfo.h"

#include <QList>
#include <QObject>

// The open database as the GUI sees it: its path, its schema and its row counts, all read
// by workers with their own connections. The GUI thread never touches SQLite.
class DatabaseSession : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseSession(QObject *parent = nullptr);
    // Puts back the journal mode the open database had before it was switched to WAL.
    ~DatabaseSession() override;

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    const QList<TableInfo> &tables() const { return m_tables; }
    const TableInfo *table(const QString &name) const;

    // Opens an existing database file, creates a new one, or (empty path) opens the default
    // database, creating and seeding it on first use.
    void open(const QString &path);
    void create(const QString &path);
    void openDefault();
    // Lets go of the file: its journal mode is put back, and the session shows nothing.
    void close();
    // Reads the schema and row counts again, e.g. after a table changed.
    void refresh();
    void dropTable(const QString &name);

Q_SIGNALS:
    void opened(const QString &path);
    void closed();
    void openFailed(const QString &path, const QString &message);
    void schemaChanged(const QList<TableInfo> &tables);
    void rowCountReady(const QString &table, qint64 rows);
    void tableDropped(const QString &name);
    void operationFailed(const QString &message);

private:
    static void removeReplacedDatabase(const QString &path);
    enum class OpenKind { Existing, Create, Default };
    void openWith(OpenKind kind, const QString &path);
    void countRows();

    QString m_path;
    // The open file's journal mode before the GUI switched it to WAL (which lets the view
    // read while a generation writes); put back when the file is closed. Empty: nothing to do.
    QString m_journalModeToRestore;
    QList<TableInfo> m_tables;
    quint64 m_generation = 0; // bumped on every open, so late results of the old file are dropped
};
