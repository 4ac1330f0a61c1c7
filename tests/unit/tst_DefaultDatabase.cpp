#include "db/DatabaseConnection.h"
#include "db/DefaultDatabase.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "util/AppIdentity.h"
#include "util/FileKind.h"
#include "util/RowforgeError.h"

#include <QtTest>

class TestDefaultDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createdAndSeededOnFirstUse();
    void demoDataIsRealisticAndConsistent();
    void secondUseKeepsChanges();
    void connectionsEnforceForeignKeys();
    void notADatabaseIsAClearError();
    void missingFileIsAClearError();
    void fileKinds();

private:
    QTemporaryDir m_home;
};

void TestDefaultDatabase::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.path().toUtf8());
    AppIdentity::apply();
    QVERIFY(DefaultDatabase::path().startsWith(m_home.path()));
    QVERIFY(!QFile::exists(DefaultDatabase::path()));
}

void TestDefaultDatabase::createdAndSeededOnFirstUse()
{
    const QString path = DefaultDatabase::ensure();
    QCOMPARE(path, DefaultDatabase::path());
    QVERIFY(FileKind::hasSqliteHeader(path));
    QVERIFY(!QFile::exists(path + QStringLiteral(".seeding")));
    DatabaseConnection connection(path);
    QCOMPARE(
        SqlExec::scalar(connection.database(), QStringLiteral("PRAGMA journal_mode")).toString(),
        QStringLiteral("wal"));
    const QList<TableInfo> tables = SchemaReader::readAll(connection.database());
    QStringList names;
    for (const TableInfo &t : tables)
        names << t.name;
    QVERIFY(names.contains(QStringLiteral("customers")));
    QVERIFY(names.contains(QStringLiteral("orders")));
    const TableInfo customers =
        *SchemaReader::read(connection.database(), QStringLiteral("customers"));
    QVERIFY(customers.column(QStringLiteral("id"))->rowidAlias);
    QVERIFY(customers.column(QStringLiteral("email"))->unique);
    QCOMPARE(customers.column(QStringLiteral("monthly_spend"))->affinity, SqlAffinity::Real);
    QVERIFY(SchemaReader::rowCount(connection.database(), customers) >= 150);
    const TableInfo orders = *SchemaReader::read(connection.database(), QStringLiteral("orders"));
    QCOMPARE(orders.foreignKeys.size(), 1);
    QCOMPARE(orders.foreignKeys[0].parentTable, QStringLiteral("customers"));
    QVERIFY(SchemaReader::rowCount(connection.database(), orders) >= 300);
}

void TestDefaultDatabase::demoDataIsRealisticAndConsistent()
{
    DatabaseConnection connection(DefaultDatabase::ensure());
    QSqlDatabase &db = connection.database();
    auto scalar = [&db](const char *sql) { return SqlExec::scalar(db, QString::fromLatin1(sql)); };
    QCOMPARE(scalar("SELECT count(*) FROM pragma_foreign_key_check").toInt(), 0);
    QCOMPARE(scalar("SELECT count(*) FROM customers WHERE email NOT LIKE '%_@_%._%'").toInt(), 0);
    // The optional columns have some NULLs, not all.
    const int phones = scalar("SELECT count(*) FROM customers WHERE phone IS NULL").toInt();
    QVERIFY(phones > 0 && phones < 100);
    QVERIFY(scalar("SELECT count(DISTINCT plan) FROM customers").toInt() >= 3);
    QVERIFY(scalar("SELECT count(DISTINCT country) FROM customers").toInt() >= 5);
    QCOMPARE(scalar("SELECT typeof(monthly_spend) FROM customers LIMIT 1").toString(),
             QStringLiteral("real"));
    QCOMPARE(scalar("SELECT count(*) FROM customers WHERE signup_date NOT GLOB "
                    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
                 .toInt(),
             0);
    QCOMPARE(scalar("SELECT count(*) FROM orders WHERE typeof(amount) <> 'real'").toInt(), 0);
    QCOMPARE(scalar("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id "
                    "WHERE o.ordered_at < c.signup_date")
                 .toInt(),
             0);
}

void TestDefaultDatabase::secondUseKeepsChanges()
{
    {
        DatabaseConnection connection(DefaultDatabase::ensure());
        SqlExec::exec(connection.database(), QStringLiteral("CREATE TABLE mine (x)"));
    }
    DatabaseConnection connection(DefaultDatabase::ensure());
    QVERIFY(SchemaReader::read(connection.database(), QStringLiteral("mine")).has_value());
}

void TestDefaultDatabase::connectionsEnforceForeignKeys()
{
    DatabaseConnection connection(DefaultDatabase::ensure());
    try {
        SqlExec::exec(connection.database(),
                      QStringLiteral("INSERT INTO orders (customer_id, ordered_at, status, items, "
                                     "amount) VALUES (999999, '2024-01-01', 'paid', 1, 5.0)"));
        QFAIL("an order for a missing customer was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("FOREIGN KEY")),
                 qPrintable(error.message()));
    }
}

void TestDefaultDatabase::notADatabaseIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is plain text, not a database, but long enough to have a header..........");
    file.close();
    try {
        DatabaseConnection connection(path);
        QFAIL("a text file opened as a database");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("not a usable SQLite database")),
                 qPrintable(error.message()));
    }
}

void TestDefaultDatabase::missingFileIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typo.sqlite"));
    QVERIFY_THROWS_EXCEPTION(RowforgeError, DatabaseConnection connection(path));
    QVERIFY(!QFile::exists(path)); // never created behind the user's back
}

void TestDefaultDatabase::fileKinds()
{
    QTemporaryDir dir;
    auto write = [&dir](const char *name, const QByteArray &bytes) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    QCOMPARE(FileKind::detect(write("a.csv", "x,y\n1,2\n")), FileKind::DataFile);
    QCOMPARE(FileKind::detect(write("b.JSONL", "{}\n")), FileKind::DataFile);
    QCOMPARE(FileKind::detect(write("c.png", "\x89PNG")), FileKind::Unsupported);
    QCOMPARE(FileKind::detect(write("d.bin", QByteArray("SQLite format 3\0rest", 20))),
             FileKind::SqliteDatabase);
    QCOMPARE(FileKind::detect(write("e.sqlite", "")), FileKind::SqliteDatabase);
    QCOMPARE(FileKind::detect(dir.filePath(QStringLiteral("missing.db"))), FileKind::Missing);
    QCOMPARE(FileKind::detect(dir.path()), FileKind::Missing);
}

QTEST_GUILESS_MAIN(TestDefaultDatabase)
#include "tst_DefaultDatabase.moc"
