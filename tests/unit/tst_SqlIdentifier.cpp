#include "TempDatabase.h"
#include "db/RowInserter.h"
#include "db/SchemaReader.h"
#include "db/SqlIdentifier.h"
#include "db/Transaction.h"

#include <QtTest>

class TestSqlIdentifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quote_data();
    void quote();
    void quoteList();
    void hostileNamesWorkInRealStatements_data();
    void hostileNamesWorkInRealStatements();
    void codeUnitsThatAreNotTextCannotEndTheQuote();
};

void TestSqlIdentifier::quote_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "customers"
                           << "\"customers\"";
    QTest::newRow("embedded quote") << "a\"b"
                                    << "\"a\"\"b\"";
    QTest::newRow("only quotes") << "\"\""
                                 << "\"\"\"\"\"\"";
    QTest::newRow("injection") << "x; DROP TABLE y;--"
                               << "\"x; DROP TABLE y;--\"";
    QTest::newRow("keyword") << "select"
                             << "\"select\"";
    QTest::newRow("unicode") << "名前"
                             << "\"名前\"";
    QTest::newRow("space") << "first name"
                           << "\"first name\"";
    QTest::newRow("empty") << ""
                           << "\"\"";
    QTest::newRow("single quote and brackets") << "it's [x]"
                                               << "\"it's [x]\"";
}

void TestSqlIdentifier::quote()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(SqlIdentifier::quote(name), quoted);
}

void TestSqlIdentifier::quoteList()
{
    QCOMPARE(SqlIdentifier::quoteList({QStringLiteral("a"), QStringLiteral("b\"c")}),
             QStringLiteral("\"a\", \"b\"\"c\""));
    QCOMPARE(SqlIdentifier::quoteList({}), QString());
}

void TestSqlIdentifier::hostileNamesWorkInRealStatements_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::newRow("quote") << "a\"b"
                           << "c\"d";
    QTest::newRow("injection") << "x; DROP TABLE y;--"
                               << "'); DROP TABLE z;--";
    QTest::newRow("keywords") << "select"
                              << "from";
    QTest::newRow("unicode") << "名前"
                             << "列";
    QTest::newRow("spaces") << "first name"
                            << " last name ";
    QTest::newRow("rowid shadow") << "t"
                                  << "rowid";
}

void TestSqlIdentifier::hostileNamesWorkInRealStatements()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    TempDatabase temp({QStringLiteral("CREATE TABLE y (v)"), QStringLiteral("CREATE TABLE z (v)")});
    temp.exec(QStringLiteral("CREATE TABLE %1 (%2 TEXT, other INTEGER)")
                  .arg(SqlIdentifier::quote(table), SqlIdentifier::quote(column)));

    const TableInfo info = SchemaReader::require(temp.db(), table);
    QCOMPARE(info.name, table);
    QCOMPARE(info.columnNames(), QStringList({column, QStringLiteral("other")}));
    {
        Transaction transaction(temp.db());
        RowInserter inserter(temp.db(), info, {column, QStringLiteral("other")});
        inserter.insert({QStringLiteral("'); DROP TABLE customers;--"), 7});
        transaction.commit();
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT %1 FROM %2")
                             .arg(SqlIdentifier::quote(column), SqlIdentifier::quote(table)))
                 .toString(),
             QStringLiteral("'); DROP TABLE customers;--"));
    // The decoy tables an injection would have dropped are still there.
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("y")).has_value());
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("z")).has_value());
    QCOMPARE(SchemaReader::rowCount(temp.db(), info), 1);
}

void TestSqlIdentifier::codeUnitsThatAreNotTextCannotEndTheQuote()
{
    // A lone surrogate before the closing quote (a JSON key "a\ud800") once swallowed the
    // quote on the way to UTF-8, and the rest was read as SQL. NUL ends SQLite's reading.
    const QString lone = QStringLiteral("a") + QChar(0xD800);
    const QString withNul = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    const QString pair = QStringLiteral("a") + QChar(0xD83D) + QChar(0xDE00); // 😀, kept
    QCOMPARE(SqlIdentifier::quote(lone), QStringLiteral("\"a\uFFFD\""));
    QCOMPARE(SqlIdentifier::quote(withNul), QStringLiteral("\"a\uFFFDb\""));
    QCOMPARE(SqlIdentifier::quote(pair), QStringLiteral("\"") + pair + QStringLiteral("\""));
    QCOMPARE(SqlIdentifier::quote(QString(QChar(0xDC00)) + QChar(0xD800)),
             QStringLiteral("\"\uFFFD\uFFFD\""));
    TempDatabase temp({QStringLiteral("CREATE TABLE y (v)")});
    const QString hostile = lone + QStringLiteral("\" (v); DROP TABLE y; --");
    temp.exec(QStringLiteral("CREATE TABLE %1 (v)").arg(SqlIdentifier::quote(hostile)));
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("y")).has_value());
    const QString stored = SqlIdentifier::sanitized(hostile);
    QVERIFY(SchemaReader::read(temp.db(), stored).has_value());
    QCOMPARE(SqlIdentifier::quote(stored), SqlIdentifier::quote(hostile));
}

QTEST_GUILESS_MAIN(TestSqlIdentifier)
#include "tst_SqlIdentifier.moc"
