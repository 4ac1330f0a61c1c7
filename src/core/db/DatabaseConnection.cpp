#include "DatabaseConnection.h"

#include "SqlExec.h"
#include "util/RowforgeError.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <algorithm>

namespace {
QAtomicInteger<quint64> connectionCounter;
}

DatabaseConnection::DatabaseConnection(const QString &path, Mode mode)
    : m_path(path),
      m_connectionName(QStringLiteral("rowforge-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
    const QFileInfo info(path);
    if (mode == Mode::OpenExisting && !info.exists())
        throw RowforgeError(QStringLiteral("Database file not found: %1").arg(path));
    if (info.exists() && !info.isFile())
        throw RowforgeError(QStringLiteral("Not a database file: %1").arg(path));

    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_database.setDatabaseName(path);
    m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_database.open()) {
        const QString reason = m_database.lastError().text();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw RowforgeError(QStringLiteral("Cannot open database %1: %2").arg(path, reason));
    }
    try {
        // SQLite opens any file; the first read tells whether it is a database.
        SqlExec::exec(m_database, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        SqlExec::exec(m_database, QStringLiteral("PRAGMA foreign_keys = ON"));
    } catch (const RowforgeError &error) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw RowforgeError(
            QStringLiteral("%1 is not a usable SQLite database: %2").arg(path, error.message()));
    }
}

DatabaseConnection::~DatabaseConnection()
{
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QStringList DatabaseConnection::filesOf(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
            path + QStringLiteral("-journal")};
}

QString DatabaseConnection::enableWriteAheadLog()
{
    // Fails harmlessly on read-only files; the database then keeps its journal mode. In a
    // folder that cannot hold the -wal and -shm files the switch would succeed and every later
    // open fail, so it is not tried there.
    if (!QFileInfo(QFileInfo(m_path).absolutePath()).isWritable())
        return {};
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
        return {};
    const QString before = query.value(0).toString().toLower();
    if (before == QLatin1String("wal") || before == QLatin1String("memory"))
        return {};
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
        query.value(0).toString().toLower() != QLatin1String("wal"))
        return {};
    return before;
}

void DatabaseConnection::restoreJournalMode(const QString &mode, int patienceMs)
{
    // A keyword, not a value: only SQLite's own names are ever put into the statement.
    static const QStringList modes{QStringLiteral("delete"), QStringLiteral("truncate"),
                                   QStringLiteral("persist"), QStringLiteral("off")};
    if (!modes.contains(mode))
        return;
    // Leaving WAL takes an exclusive lock that SQLite tries once, without its busy handler: a
    // worker that starts reading the file at that moment makes the PRAGMA keep "wal". Each try
    // waits a little for locks, and the PRAGMA is tried again until the patience runs out.
    QSqlQuery query(m_database);
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(std::min(patienceMs, 100)));
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (query.exec(QStringLiteral("PRAGMA journal_mode = ") + mode) && query.next() &&
            query.value(0).toString().toLower() == mode)
            return;
        query.finish();
        if (waited.elapsed() >= patienceMs)
            return;
        QThread::msleep(20);
    }
}
