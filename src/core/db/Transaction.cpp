#include "Transaction.h"

#include "SqlExec.h"
#include "util/RowforgeError.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <algorithm>

namespace {
bool isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5), and its extended codes, once the connection's busy timeout has passed.
    return error.nativeErrorCode().toInt() % 256 == 5;
}
} // namespace

Transaction::Transaction(QSqlDatabase &db, const QString &what) : m_db(db)
{
    const QString path = db.databaseName();
    const bool file = !path.isEmpty() && path != QLatin1String(":memory:");
    if (file)
        m_turn = std::make_unique<WriteQueue::Turn>(path, what);
    QElapsedTimer waited;
    waited.start();
    bool told = false;
    // The first attempt waits briefly, so that whoever waits is told at once, not after the
    // connection's whole busy timeout; later attempts wait that timeout each.
    const int busyTimeoutMs =
        file ? SqlExec::scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt() : 0;
    if (file)
        SqlExec::exec(db, QStringLiteral("PRAGMA busy_timeout = %1")
                              .arg(std::min(busyTimeoutMs, FirstAttemptMs)));
    for (;;) {
        QSqlQuery begin(db);
        const bool begun = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (file && !told)
            SqlExec::exec(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs));
        if (begun)
            return;
        const QSqlError error = begin.lastError();
        if (!file || !isBusy(error))
            throw RowforgeError(error.databaseText().isEmpty() ? error.text()
                                                               : error.databaseText());
        // Another program writes (each attempt already waited the busy timeout).
        if (waited.elapsed() > OtherProgramPatienceMs)
            throw RowforgeError(
                QStringLiteral("%1 is being written by another program, for %2 minutes now: "
                               "try again when it has finished (nothing was changed)")
                    .arg(QFileInfo(path).fileName(),
                         QString::number(OtherProgramPatienceMs / 60000)));
        if (!told) {
            WriteQueue::waitingForAnotherProgram(path, what);
            told = true;
        }
    }
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    SqlExec::exec(m_db, QStringLiteral("COMMIT"));
    m_open = false;
    m_turn.reset(); // the next writer's turn
}
