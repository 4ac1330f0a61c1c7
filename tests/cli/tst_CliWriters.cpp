#include "TestFiles.h"
#include "db/DatabaseConnection.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

// Several rowforge-cli processes writing to one database: they take turns instead of failing,
// and one killed at any point (kill -9) leaves the database intact and all-or-nothing.
class TestCliWriters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void twoGenerationsAndAnImportAtOnceAllSucceed();
    void killedAtRandomPointsLeavesAllOrNothing();

private:
    // A started rowforge-cli process with the test's own data and config folders.
    std::unique_ptr<QProcess> start(const QStringList &arguments);
    // Runs to the end; fails the test if it does not exit 0.
    void runToSuccess(const QStringList &arguments);
    static QStringList generate(const QString &db, const QString &table, int rows);
    static QStringList import(const QString &db, const QString &table, const QString &csv);
    static qint64 count(const QString &db, const QString &table);
    static bool tableExists(const QString &db, const QString &table);
    static QString integrity(const QString &db);
    // A fresh database with `seed` (200 rows to learn from) and the CSV of `rows` rows.
    QString prepare(const QString &name, int rows);

    QString m_cli;
    QTemporaryDir m_home;
};

void TestCliWriters::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
}

std::unique_ptr<QProcess> TestCliWriters::start(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    process->setProcessEnvironment(env);
    process->start(m_cli, arguments);
    return process;
}

void TestCliWriters::runToSuccess(const QStringList &arguments)
{
    auto process = start(arguments);
    QVERIFY(process->waitForFinished(120000));
    QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
             process->readAllStandardError().constData());
}

QStringList TestCliWriters::generate(const QString &db, const QString &table, int rows)
{
    return {QStringLiteral("generate"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--table"),
            table,
            QStringLiteral("--rows"),
            QString::number(rows),
            QStringLiteral("--mode"),
            QStringLiteral("offline")};
}

QStringList TestCliWriters::import(const QString &db, const QString &table, const QString &csv)
{
    return {QStringLiteral("import"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--table"),
            table,
            csv};
}

qint64 TestCliWriters::count(const QString &db, const QString &table)
{
    DatabaseConnection connection(db);
    return SqlExec::scalar(connection.database(),
                           QStringLiteral("SELECT count(*) FROM ") + SqlIdentifier::quote(table))
        .toLongLong();
}

bool TestCliWriters::tableExists(const QString &db, const QString &table)
{
    DatabaseConnection connection(db);
    return SqlExec::scalar(connection.database(),
                           QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"),
                           {table})
               .toInt() == 1;
}

QString TestCliWriters::integrity(const QString &db)
{
    DatabaseConnection connection(db);
    return SqlExec::scalar(connection.database(), QStringLiteral("PRAGMA integrity_check"))
        .toString();
}

QString TestCliWriters::prepare(const QString &name, int rows)
{
    QByteArray seed = "city,amount,day,note\n";
    const char *cities[] = {"Oslo", "Rome", "Lima", "Pune"};
    for (int i = 0; i < 200; ++i)
        seed += QByteArray(cities[i % 4]) + ',' + QByteArray::number(5 + (i * 37) % 90) +
                ".25,2024-02-" + QByteArray::number(10 + i % 19) + ',' +
                (i % 5 ? QByteArray() : QByteArray("call first")) + '\n';
    QByteArray big = "id,name,amount,day\n";
    for (int i = 0; i < rows; ++i)
        big += QByteArray::number(i) + ",name " + QByteArray::number(i) + ',' +
               QByteArray::number((qint64(i) * 7919) % 10000 / 100.0) + ",2024-01-" +
               QByteArray::number(10 + i % 19) + '\n';
    TestFiles::write(m_home.path(), name + QStringLiteral(".csv"), big);
    const QString db = m_home.filePath(name + QStringLiteral(".sqlite"));
    for (const QString &table : {QStringLiteral("first"), QStringLiteral("second")}) {
        runToSuccess(import(db, table, TestFiles::write(m_home.path(), table + ".csv", seed)));
    }
    return db;
}

void TestCliWriters::twoGenerationsAndAnImportAtOnceAllSucceed()
{
    // Each writes for over a second in one transaction; SQLite alone makes the later ones fail
    // with "database is locked" once its busy timeout is out. Here they wait their turn.
    const int rows = 400000;
    const QString db = prepare(QStringLiteral("atonce"), rows);
    std::vector<std::unique_ptr<QProcess>> writers;
    writers.push_back(start(generate(db, QStringLiteral("first"), rows)));
    writers.push_back(start(generate(db, QStringLiteral("second"), rows)));
    writers.push_back(start(
        import(db, QStringLiteral("imported"), m_home.filePath(QStringLiteral("atonce.csv")))));
    int waited = 0;
    for (auto &writer : writers) {
        QVERIFY(writer->waitForFinished(180000));
        const QByteArray err = writer->readAllStandardError();
        QVERIFY2(writer->exitStatus() == QProcess::NormalExit && writer->exitCode() == 0,
                 err.constData());
        waited += err.contains("Waiting for another program to finish writing to ");
    }
    QVERIFY2(waited >= 1, "the three writes never overlapped: the test proves nothing");
    QCOMPARE(count(db, QStringLiteral("first")), 200 + rows);
    QCOMPARE(count(db, QStringLiteral("second")), 200 + rows);
    QCOMPARE(count(db, QStringLiteral("imported")), rows);
    QCOMPARE(integrity(db), QStringLiteral("ok"));
}

void TestCliWriters::killedAtRandomPointsLeavesAllOrNothing()
{
    // kill -9 at random moments of 10 imports and 10 generations: after each the database
    // passes integrity_check and holds all of that write or none of it. The seed is printed,
    // and ROWFORGE_CRASH_SEED replays a run.
    const int rows = 200000;
    const QString db = prepare(QStringLiteral("killed"), rows);
    const QString csv = m_home.filePath(QStringLiteral("killed.csv"));
    const quint32 seed = qEnvironmentVariableIsSet("ROWFORGE_CRASH_SEED")
                             ? quint32(qEnvironmentVariableIntValue("ROWFORGE_CRASH_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("crash seed %u (ROWFORGE_CRASH_SEED=%u replays it)", seed, seed);
    QRandomGenerator random(seed);

    // How long a whole write takes here (sanitizers, a loaded machine): kills fall within it.
    QElapsedTimer timer;
    timer.start();
    runToSuccess(import(db, QStringLiteral("whole"), csv));
    const qint64 importMs = timer.restart();
    runToSuccess(generate(db, QStringLiteral("first"), rows));
    const qint64 generateMs = timer.elapsed();
    qint64 expected = count(db, QStringLiteral("first"));

    int killedMidway = 0;
    for (int run = 0; run < 20; ++run) {
        const bool importing = run % 2 == 0;
        const QString table = QStringLiteral("imported_%1").arg(run);
        auto process = importing ? start(import(db, table, csv))
                                 : start(generate(db, QStringLiteral("first"), rows));
        QVERIFY(process->waitForStarted());
        const qint64 delay = random.bounded(qint64(1.1 * (importing ? importMs : generateMs)));
        QThread::msleep(quint64(delay));
        const bool running = process->state() == QProcess::Running;
        process->kill(); // SIGKILL: no handler, no cleanup
        QVERIFY(process->waitForFinished(30000));
        killedMidway += running && process->exitStatus() == QProcess::CrashExit;
        const QString context = QStringLiteral("run %1 (%2), killed after %3 ms")
                                    .arg(run)
                                    .arg(importing ? "import" : "generation")
                                    .arg(delay);

        QCOMPARE(integrity(db), QStringLiteral("ok"));
        if (importing) {
            const qint64 imported = tableExists(db, table) ? count(db, table) : 0;
            QVERIFY2(imported == 0 || imported == rows,
                     qPrintable(context + QStringLiteral(": %1 rows").arg(imported)));
        } else {
            const qint64 now = count(db, QStringLiteral("first"));
            QVERIFY2(now == expected || now == expected + rows,
                     qPrintable(context +
                                QStringLiteral(": %1 rows, %2 before").arg(now).arg(expected)));
            expected = now;
        }
    }
    // Most kills must land inside a write, or this proves little.
    QVERIFY2(killedMidway >= 10, qPrintable(QStringLiteral("only %1 of 20 kills landed while "
                                                           "running")
                                                .arg(killedMidway)));
    // The database is still writable afterwards: no lock or journal left in the way.
    runToSuccess(import(db, QStringLiteral("after"), csv));
    QCOMPARE(count(db, QStringLiteral("after")), rows);
}

QTEST_GUILESS_MAIN(TestCliWriters)
#include "tst_CliWriters.moc"
