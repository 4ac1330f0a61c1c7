#include "TempDatabase.h"
#include "db/DatabaseConnection.h"
#include "db/SqlExec.h"
#include "db/Transaction.h"
#include "db/WriteQueue.h"
#include "util/RowforgeError.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QtTest>
#include <thread>

// Two writers on one database file: the second waits for its turn instead of failing with
// "database is locked" after SQLite's 5 s busy timeout, and is told what it waits for. Each
// case holds the first write for 6 s, past that timeout.
class TestWriteQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writersInThisProcessTakeTurns();
    void anotherProgramsWriteIsWaitedFor();
    void cleanup() { WriteQueue::setObserver({}); }

private:
    struct Told
    {
        QMutex mutex;
        QStringList lines;
    };
    static void observe(Told &told);
    // Writes a row into b as an import would; returns the error, if any.
    static QString importIntoB(const QString &path);
    static constexpr int HoldMs = 6000;
};

void TestWriteQueue::observe(Told &told)
{
    WriteQueue::setObserver([&told](const QString &, const QString &waiter, const QString &holder) {
        QMutexLocker lock(&told.mutex);
        told.lines << waiter + QStringLiteral(" waits for ") + holder;
    });
}

QString TestWriteQueue::importIntoB(const QString &path)
{
    try {
        DatabaseConnection connection(path);
        Transaction transaction(connection.database(), QStringLiteral("the import into b"));
        SqlExec::exec(connection.database(), QStringLiteral("INSERT INTO b VALUES (2)"));
        transaction.commit();
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return {};
}

void TestWriteQueue::writersInThisProcessTakeTurns()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE a (v)"), QStringLiteral("CREATE TABLE b (v)")});
    Told told;
    observe(told);
    QString secondError;
    qint64 secondWaitedMs = 0;
    std::thread first([&] {
        DatabaseConnection connection(temp.path());
        Transaction transaction(connection.database(), QStringLiteral("the generation on a"));
        SqlExec::exec(connection.database(), QStringLiteral("INSERT INTO a VALUES (1)"));
        QThread::msleep(HoldMs);
        transaction.commit();
    });
    QThread::msleep(300);
    std::thread second([&] {
        QElapsedTimer timer;
        timer.start();
        secondError = importIntoB(temp.path());
        secondWaitedMs = timer.elapsed();
    });
    first.join();
    second.join();
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    QVERIFY(secondWaitedMs > HoldMs - 1000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT (SELECT count(*) FROM a) + (SELECT count(*) "
                                        "FROM b)"))
                 .toInt(),
             2);
    QCOMPARE(told.lines,
             QStringList{QStringLiteral("the import into b waits for the generation on a")});
}

void TestWriteQueue::anotherProgramsWriteIsWaitedFor()
{
    // The first writer does not go through Rowforge's queue: as another program would, it
    // holds SQLite's write lock itself.
    TempDatabase temp({QStringLiteral("CREATE TABLE b (v)")});
    Told told;
    observe(told);
    QString secondError;
    std::thread other([&] {
        DatabaseConnection connection(temp.path());
        SqlExec::exec(connection.database(), QStringLiteral("BEGIN IMMEDIATE"));
        QThread::msleep(HoldMs);
        SqlExec::exec(connection.database(), QStringLiteral("COMMIT"));
    });
    QThread::msleep(300);
    std::thread second([&] { secondError = importIntoB(temp.path()); });
    other.join();
    second.join();
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM b")).toInt(), 1);
    QCOMPARE(told.lines,
             QStringList{QStringLiteral("the import into b waits for another program")});
}

QTEST_GUILESS_MAIN(TestWriteQueue)
#include "tst_WriteQueue.moc"
