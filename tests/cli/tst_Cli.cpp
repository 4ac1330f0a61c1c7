#include "TempDatabase.h"

#include <QProcess>
#include <QtTest>

// Runs the real rowforge-cli binary (path from CTest's ROWFORGE_CLI) against real files.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tablesListsNameRowsColumns();
    void tablesDefaultsToSeededDefaultDatabase();
    void missingDatabaseIsUserError();
    void notADatabaseIsUserError();
    void helpAndVersion();
    void badUsage_data();
    void badUsage();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments);
    QString m_cli;
    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
}

TestCli::Result TestCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(m_cli, arguments);
    if (!process.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCli::tablesListsNameRowsColumns()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE \"x; DROP TABLE y;--\" (a, b, c)"),
        QStringLiteral("INSERT INTO \"x; DROP TABLE y;--\" VALUES (1, 2, 3), (4, 5, 6)"),
        QStringLiteral("CREATE TABLE \"名前\" (id INTEGER PRIMARY KEY)"),
        QStringLiteral("CREATE VIEW v AS SELECT a FROM \"x; DROP TABLE y;--\""),
    });
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), temp.path()});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, QStringLiteral("v\t2\t1\nx; DROP TABLE y;--\t2\t3\n名前\t0\t1\n"));
}

void TestCli::tablesDefaultsToSeededDefaultDatabase()
{
    const Result result = run({QStringLiteral("tables")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("customers\t200\t11\n")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("orders\t600\t8\n")), qPrintable(result.out));
    QVERIFY(
        QFile::exists(m_home.filePath(QStringLiteral("data/Rowforge/rowforge/rowforge.sqlite"))));
}

void TestCli::missingDatabaseIsUserError()
{
    const QString path = m_home.filePath(QStringLiteral("typo.sqlite"));
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err, QStringLiteral("Database file not found: %1\n").arg(path));
    QVERIFY(!QFile::exists(path));
}

void TestCli::notADatabaseIsUserError()
{
    const QString path = m_home.filePath(QStringLiteral("text.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200, 'x'));
    file.close();
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(path) && result.err.count(u'\n') == 1, qPrintable(result.err));
}

void TestCli::helpAndVersion()
{
    Result result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("Usage: rowforge-cli <command>")));
    QVERIFY(result.out.contains(QLatin1String("tables")));
    result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("rowforge-cli %1\n").arg(QLatin1String(ROWFORGE_VERSION)));
    result = run({QStringLiteral("tables"), QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("--db <FILE>")));
}

void TestCli::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList() << "Usage: rowforge-cli";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command: frobnicate";
    QTest::newRow("unknown option") << QStringList{"tables", "--bogus"} << "bogus";
    QTest::newRow("missing option value") << QStringList{"tables", "--db"} << "db";
    QTest::newRow("stray argument") << QStringList{"tables", "extra"} << "extra";
}

void TestCli::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
