// rowforge-cli generate --tables: several tables grown together from the real command line,
// parents first, counts per table, and clear refusals of what cannot work.
#include "CliProcess.h"
#include "TempDatabase.h"
#include "db/DemoSeeder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCliTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void growsParentsAndTheirChildren();
    void refusesWhatCannotWork();

private:
    CliProcess::Run generate(const QString &db, const QStringList &arguments);
    QString m_cli;
    QTemporaryDir m_home;
};

void TestCliTables::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
}

CliProcess::Run TestCliTables::generate(const QString &db, const QStringList &arguments)
{
    return CliProcess(m_home.path())
        .run(m_cli, QStringList{QStringLiteral("generate"), QStringLiteral("--db"), db,
                                QStringLiteral("--provider"), QStringLiteral("offline")} +
                        arguments);
}

void TestCliTables::growsParentsAndTheirChildren()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int orders = temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt();
    temp.close();
    const CliProcess::Run done = generate(
        temp.path(), {QStringLiteral("--tables"), QStringLiteral("orders,customers"),
                      QStringLiteral("--rows"), QStringLiteral("customers=120"),
                      QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(done.exitCode == 0, done.err.constData());
    const QJsonArray results = QJsonDocument::fromJson(done.out).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].toObject().value(QLatin1String("table")).toString(),
             QStringLiteral("customers"));
    QCOMPARE(results[0].toObject().value(QLatin1String("inserted")).toInt(), 120);
    const int newOrders = results[1].toObject().value(QLatin1String("inserted")).toInt();
    // About three orders per customer, as in the real rows.
    QVERIFY2(newOrders > 200 && newOrders < 600, qPrintable(QString::number(newOrders)));
    TempDatabase check({}, QStringLiteral("check.sqlite"));
    check.exec(QStringLiteral("ATTACH ? AS grown"), {temp.path()});
    QCOMPARE(check.scalar(QStringLiteral("SELECT count(*) FROM grown.orders")).toInt(),
             orders + newOrders);
    QCOMPARE(check
                 .scalar(QStringLiteral("SELECT count(*) FROM grown.orders o LEFT JOIN "
                                        "grown.customers c ON c.id = o.customer_id WHERE c.id IS "
                                        "NULL"))
                 .toInt(),
             0);

    // The plain summary: one line per table.
    const CliProcess::Run plain =
        generate(temp.path(), {QStringLiteral("--tables"), QStringLiteral("customers,orders"),
                               QStringLiteral("--rows"), QStringLiteral("10")});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    const QStringList lines = QString::fromUtf8(plain.out).trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(QLatin1String("Added 10 rows to customers")),
             qPrintable(lines[0]));
}

void TestCliTables::refusesWhatCannotWork()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    temp.close();
    struct Case
    {
        QStringList arguments;
        int exitCode;
        QString error;
    };
    const QList<Case> cases{
        {{QStringLiteral("--tables"), QStringLiteral("customers,orders"), QStringLiteral("--rows"),
          QStringLiteral("items=3")},
         2,
         QStringLiteral("--rows: \"items\" is not one of --tables")},
        {{QStringLiteral("--tables"), QStringLiteral("customers,orders"), QStringLiteral("--rows"),
          QStringLiteral("customers=0")},
         2,
         QStringLiteral("--rows: \"customers=0\" must be N or TABLE=N, N from 1 to 10000000")},
        {{QStringLiteral("--tables"), QStringLiteral("customers,orders"), QStringLiteral("--rows"),
          QStringLiteral("orders=5")},
         1,
         QStringLiteral("Say how many rows \"customers\" gets: none of its parents is grown with "
                        "it")},
        {{QStringLiteral("--tables"), QStringLiteral("customers,orders"),
          QStringLiteral("--dry-run")},
         1,
         QStringLiteral("A dry run shows one table's rows; grow the tables without it, or one at "
                        "a time")},
        {{QStringLiteral("--table"), QStringLiteral("orders"), QStringLiteral("--tables"),
          QStringLiteral("customers,orders")},
         2,
         QStringLiteral("generate needs --table NAME or --tables T1,T2,...")},
    };
    const QByteArray before = [&] {
        QFile file(temp.path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    for (const Case &c : cases) {
        const CliProcess::Run done = generate(temp.path(), c.arguments);
        QCOMPARE(done.exitCode, c.exitCode);
        QCOMPARE(QString::fromUtf8(done.err).trimmed(), c.error);
    }
    QFile file(temp.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == before);
}

QTEST_GUILESS_MAIN(TestCliTables)
#include "tst_CliTables.moc"
