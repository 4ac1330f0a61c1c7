#include "DatabaseSession.h"

#include "db/DatabaseConnection.h"
#include "db/DefaultDatabase.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "db/Transaction.h"
#include "generate/GeneratedRows.h"
#include "util/Background.h"
#include "util/RowforgeError.h"

#include <QFileInfo>
#include <utility>

namespace {
struct SchemaResult
{
    QString path;
    QList<TableInfo> tables;
    QString error;
    QString journalModeToRestore;
};

// patienceMs: how long to wait for other connections to the file (a row count, a page being
// read) to close.
void restoreJournalMode(const QString &path, const QString &mode, int patienceMs)
{
    if (mode.isEmpty())
        return;
    try {
        DatabaseConnection(path).restoreJournalMode(mode, patienceMs);
    } catch (const RowforgeError &) {
        // Gone or unreadable since: there is nothing to put back.
    }
}
struct RowCounts
{
    QList<QPair<QString, qint64>> counts;
    QString error;
};
} // namespace

DatabaseSession::DatabaseSession(QObject *parent) : QObject(parent) {}

DatabaseSession::~DatabaseSession()
{
    // On the GUI thread, once, at the very end: one PRAGMA, which waits at most a second for a
    // worker that still reads the file.
    restoreJournalMode(m_path, m_journalModeToRestore, 1000);
}

const TableInfo *DatabaseSession::table(const QString &name) const
{
    for (const TableInfo &table : m_tables) {
        if (table.name == name)
            return &table;
    }
    return nullptr;
}

void DatabaseSession::open(const QString &path)
{
    openWith(OpenKind::Existing, path);
}

void DatabaseSession::create(const QString &path)
{
    openWith(OpenKind::Create, path);
}

void DatabaseSession::removeReplacedDatabase(const QString &path)
{
    // The user agreed to replace the file. Its -wal and -journal go with it: left behind,
    // SQLite would replay them onto the new, empty database.
    for (const QString &file : DatabaseConnection::filesOf(path)) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            throw RowforgeError(
                QStringLiteral("Cannot replace %1: the file is in use or read-only").arg(file));
    }
}

void DatabaseSession::openDefault()
{
    openWith(OpenKind::Default, QString());
}

void DatabaseSession::close()
{
    if (!isOpen())
        return;
    ++m_generation; // late schema reads and counts of the file are dropped
    const QString closing = std::exchange(m_path, QString());
    const QString mode = std::exchange(m_journalModeToRestore, QString());
    m_tables.clear();
    // Off the GUI thread: the PRAGMA may wait for a worker still reading the file.
    Background::run(
        this, [closing, mode] { restoreJournalMode(closing, mode, 5000); }, [] {});
    Q_EMIT closed();
    Q_EMIT schemaChanged(m_tables);
}

void DatabaseSession::openWith(OpenKind kind, const QString &requestedPath)
{
    const quint64 generation = ++m_generation;
    // The file being closed gets its journal mode back, unless it is opened again.
    const QString closing = m_path;
    const QString closingMode = std::exchange(m_journalModeToRestore, QString());
    Background::run(
        this,
        [kind, requestedPath, closing, closingMode] {
            SchemaResult result;
            result.path = requestedPath;
            try {
                if (kind == OpenKind::Default)
                    result.path = DefaultDatabase::ensure();
                else if (kind == OpenKind::Create)
                    removeReplacedDatabase(requestedPath);
                result.path = QFileInfo(result.path).absoluteFilePath();
                if (result.path == closing)
                    result.journalModeToRestore = closingMode;
                else
                    restoreJournalMode(closing, closingMode, 5000);
                DatabaseConnection connection(result.path,
                                              kind == OpenKind::Create
                                                  ? DatabaseConnection::Mode::CreateIfMissing
                                                  : DatabaseConnection::Mode::OpenExisting);
                const QString before = connection.enableWriteAheadLog();
                if (!before.isEmpty())
                    result.journalModeToRestore = before;
                result.tables = SchemaReader::readAll(connection.database());
            } catch (const RowforgeError &error) {
                result.error = error.message();
            }
            return result;
        },
        [this, generation](const SchemaResult &result) {
            if (generation != m_generation)
                return;
            if (!result.error.isEmpty()) {
                Q_EMIT openFailed(result.path, result.error);
                return;
            }
            m_path = result.path;
            m_journalModeToRestore = result.journalModeToRestore;
            m_tables = result.tables;
            Q_EMIT opened(m_path);
            Q_EMIT schemaChanged(m_tables);
            countRows();
        });
}

void DatabaseSession::refresh()
{
    if (!isOpen())
        return;
    const quint64 generation = m_generation;
    const QString path = m_path;
    Background::run(
        this,
        [path] {
            SchemaResult result;
            result.path = path;
            try {
                DatabaseConnection connection(path);
                result.tables = SchemaReader::readAll(connection.database());
            } catch (const RowforgeError &error) {
                result.error = error.message();
            }
            return result;
        },
        [this, generation](const SchemaResult &result) {
            if (generation != m_generation)
                return;
            if (!result.error.isEmpty()) {
                Q_EMIT operationFailed(result.error);
                return;
            }
            m_tables = result.tables;
            Q_EMIT schemaChanged(m_tables);
            countRows();
        });
}

void DatabaseSession::countRows()
{
    const quint64 generation = m_generation;
    const QString path = m_path;
    const QList<TableInfo> tables = m_tables;
    // One worker per table: a huge table does not hold back the counts of the others.
    for (const TableInfo &table : tables) {
        Background::run(
            this,
            [path, table] {
                RowCounts result;
                try {
                    DatabaseConnection connection(path);
                    result.counts << qMakePair(
                        table.name, SchemaReader::rowCount(connection.database(), table));
                } catch (const RowforgeError &error) {
                    result.error = error.message();
                }
                return result;
            },
            [this, generation](const RowCounts &result) {
                if (generation != m_generation)
                    return;
                if (!result.error.isEmpty())
                    Q_EMIT operationFailed(result.error);
                for (const auto &[name, rows] : result.counts)
                    Q_EMIT rowCountReady(name, rows);
            });
    }
}

void DatabaseSession::dropTable(const QString &name)
{
    const TableInfo *info = table(name);
    if (!info)
        return;
    const QString path = m_path;
    const TableInfo target = *info;
    Background::run(
        this,
        [path, target] {
            try {
                DatabaseConnection connection(path);
                // Re-read: the table must still exist, as the schema says, before any SQL.
                const TableInfo current = SchemaReader::require(connection.database(), target.name);
                const QString statement = current.kind == TableInfo::View
                                              ? QStringLiteral("DROP VIEW %1")
                                              : QStringLiteral("DROP TABLE %1");
                // In its turn: a generation writing to the file is waited for, not failed on.
                Transaction transaction(connection.database(),
                                        QStringLiteral("deleting %1").arg(current.name));
                SqlExec::exec(connection.database(),
                              statement.arg(SqlIdentifier::quote(current.name)));
                transaction.commit();
                // A table made later under this name holds none of the rows generated here.
                if (current.kind != TableInfo::View)
                    GeneratedRows().forget(path, current.name);
            } catch (const RowforgeError &error) {
                // NO ACTION / RESTRICT children still point at it; nothing was deleted.
                if (error.message().contains(QLatin1String("FOREIGN KEY constraint failed")))
                    return QStringLiteral("Could not delete \"%1\": rows of other tables still "
                                          "point at it, and their foreign keys refuse (ON DELETE "
                                          "NO ACTION or RESTRICT). Nothing was deleted; delete or "
                                          "change those rows first.")
                        .arg(target.name);
                return QStringLiteral("Could not delete \"%1\": %2")
                    .arg(target.name, error.message());
            }
            return QString();
        },
        [this, name](const QString &error) {
            if (!error.isEmpty()) {
                Q_EMIT operationFailed(error);
                return;
            }
            Q_EMIT tableDropped(name);
            refresh();
        });
}
