// What rowforge-cli remembers of the rows it generated, through the real command: they are
// left out of learning, and a table replaced by an import is learned from whole again.
#include "CliProcess.h"
#include "TempDatabase.h"
#include "TestFiles.h"

#include <QtTest>

class TestCliGeneratedRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aReplacedTableIsLearnedFromWhole();

private:
    CliProcess::Run cli(const QStringList &arguments);
    QString m_cli;
    QTemporaryDir m_home;
};

void TestCliGeneratedRows::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
}

CliProcess::Run TestCliGeneratedRows::cli(const QStringList &arguments)
{
    return CliProcess(m_home.path()).run(m_cli, arguments);
}

void TestCliGeneratedRows::aReplacedTableIsLearnedFromWhole()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE readings (id INTEGER PRIMARY KEY, site TEXT, "
                                      "value REAL)")});
    for (int i = 0; i < 200; ++i)
        temp.exec(QStringLiteral("INSERT INTO readings (site, value) VALUES (?, ?)"),
                  {i % 3 ? QStringLiteral("north") : QStringLiteral("south"), i * 0.5});
    const QStringList generate{
        QStringLiteral("generate"), QStringLiteral("--db"),     temp.path(),
        QStringLiteral("--table"),  QStringLiteral("readings"), QStringLiteral("--provider"),
        QStringLiteral("offline"),  QStringLiteral("--seed"),   QStringLiteral("2"),
        QStringLiteral("--rows")};
    CliProcess::Run run = cli(generate + QStringList{QStringLiteral("100")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = cli(generate + QStringList{QStringLiteral("5")});
    QVERIFY2(run.out.contains("learned from real rows (100 generated left out)"),
             run.out.constData());

    // The user exports the table and imports the file over it: its rows are now the user's.
    const QString file = m_home.filePath(QStringLiteral("readings.csv"));
    run = cli({QStringLiteral("export"), QStringLiteral("--db"), temp.path(),
               QStringLiteral("--table"), QStringLiteral("readings"), QStringLiteral("--output"),
               file});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = cli({QStringLiteral("import"), QStringLiteral("--db"), temp.path(),
               QStringLiteral("--table"), QStringLiteral("readings"), QStringLiteral("--if-exists"),
               QStringLiteral("replace"), file});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM readings")).toInt(), 305);
    run = cli(generate + QStringList{QStringLiteral("5")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.out.contains("left out"), run.out.constData());
}

QTEST_GUILESS_MAIN(TestCliGeneratedRows)
#include "tst_CliGeneratedRows.moc"
