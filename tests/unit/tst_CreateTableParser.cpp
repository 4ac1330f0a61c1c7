#include "db/CreateTableParser.h"

#include <QtTest>

class TestCreateTableParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checks_data();
    void checks();
};

using Checks = QHash<QString, QStringList>;

void TestCreateTableParser::checks_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Checks>("columnChecks");
    QTest::addColumn<QStringList>("tableChecks");

    QTest::newRow("none") << "CREATE TABLE t (a INTEGER, b TEXT)" << Checks() << QStringList();
    QTest::newRow("column check") << "CREATE TABLE t (a INTEGER CHECK (a > 0), b TEXT)"
                                  << Checks{{"a", {"a > 0"}}} << QStringList();
    QTest::newRow("two on one column, lower-case keyword")
        << "create table t (a int check(a > 0) not null check (a < 10))"
        << Checks{{"a", {"a > 0", "a < 10"}}} << QStringList();
    QTest::newRow("table check with name")
        << "CREATE TABLE t (a, b, CONSTRAINT ordered CHECK (a < b))" << Checks()
        << QStringList{"a < b"};
    QTest::newRow("nested parentheses and IN list")
        << "CREATE TABLE t (s TEXT CHECK (s IN ('a', 'b') AND (length(s) = 1)))"
        << Checks{{"s", {"s IN ('a', 'b') AND (length(s) = 1)"}}} << QStringList();
    QTest::newRow("parenthesis and comma inside a string")
        << "CREATE TABLE t (s TEXT CHECK (s <> ')'), u TEXT CHECK (u <> ','))"
        << Checks{{"s", {"s <> ')'"}}, {"u", {"u <> ','"}}} << QStringList();
    QTest::newRow("comments")
        << "CREATE TABLE t (\n -- CHECK (x) is not a constraint\n a /* CHECK (y) */ INTEGER "
           "CHECK (a >= 0) -- trailing\n)"
        << Checks{{"a", {"a >= 0"}}} << QStringList();
    QTest::newRow("quoted hostile names")
        << "CREATE TABLE \"x(\" (\"a\"\"b\" TEXT CHECK (\"a\"\"b\" <> ''), [check] INT "
           "CHECK ([check] > 0), `c,d` INT)"
        << Checks{{"a\"b", {"\"a\"\"b\" <> ''"}}, {"check", {"[check] > 0"}}} << QStringList();
    QTest::newRow("column named like a constraint keyword, quoted")
        << "CREATE TABLE t (\"unique\" INT CHECK (\"unique\" > 1), UNIQUE (\"unique\"))"
        << Checks{{"unique", {"\"unique\" > 1"}}} << QStringList();
    QTest::newRow("table check after foreign key")
        << "CREATE TABLE t (a, b, FOREIGN KEY (a) REFERENCES p (id), CHECK (a <> b)) STRICT"
        << Checks() << QStringList{"a <> b"};
    QTest::newRow("as select") << "CREATE TABLE t AS SELECT 1 AS a WHERE (1 > 0)" << Checks()
                               << QStringList();
}

void TestCreateTableParser::checks()
{
    QFETCH(QString, sql);
    QFETCH(Checks, columnChecks);
    QFETCH(QStringList, tableChecks);
    const CreateTableParser::Result result = CreateTableParser::parse(sql);
    QCOMPARE(result.columnChecks, columnChecks);
    QCOMPARE(result.tableChecks, tableChecks);
}

QTEST_GUILESS_MAIN(TestCreateTableParser)
#include "tst_CreateTableParser.moc"
