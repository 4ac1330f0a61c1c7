#include "TempDatabase.h"
#include "db/ColumnFilter.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "db/TablePager.h"

#include <QtTest>

// Every page read by key, concatenated, must equal the table read in one ordered query.
class TestTablePager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowidTableWithGaps();
    void withoutRowidCompositeKey();
    void viewFallsBackToOffset();
    void shadowedRowidName();
    void emptyTable();
    void placeholdersInTheTableName();
    void exactMultipleOfPageSize();
    void sinkCanStopTheScan();
    void rowsEndWithTheirKey();
    void sortedAndFilteredAsSqliteOrdersThem();
    void filtersReadAsTyped();

private:
    static QList<QVariantList> readAllPages(QSqlDatabase &db, const TablePager &pager,
                                            qint64 *total, QList<qint64> *reported = nullptr);
    static QList<QVariantList> readOrdered(QSqlDatabase &db, const QString &sql, int columns);
};

QList<QVariantList> TestTablePager::readAllPages(QSqlDatabase &db, const TablePager &pager,
                                                 qint64 *total, QList<qint64> *reported)
{
    QList<TablePager::Anchor> anchors;
    *total = pager.scan(db, [&](const QList<TablePager::Anchor> &batch, qint64 rows) {
        anchors << batch;
        if (reported)
            *reported << rows;
        return true;
    });
    QList<QVariantList> rows;
    const int pages = int((*total + pager.pageSize() - 1) / pager.pageSize());
    for (int page = 0; page < pages; ++page) {
        for (const QVariantList &row : pager.readPage(
                 db, page, pager.usesKeyset() ? anchors.at(page) : TablePager::Anchor())) {
            // Each row ends with its key (for edits); the comparisons here are of the columns.
            if (row.size() != pager.columns().size() + pager.keyColumns().size())
                return {};
            rows << row.mid(0, pager.columns().size());
        }
    }
    return rows;
}

QList<QVariantList> TestTablePager::readOrdered(QSqlDatabase &db, const QString &sql, int columns)
{
    QSqlQuery query = SqlExec::exec(db, sql);
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        rows << row;
    }
    return rows;
}

void TestTablePager::rowidTableWithGaps()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
            "INSERT INTO t SELECT i * 3, 'row ' || i FROM n"),
        QStringLiteral("DELETE FROM t WHERE id % 7 = 0 OR id BETWEEN 3000 AND 6000"),
    });
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const TablePager pager(info, 100);
    QVERIFY(pager.usesKeyset());
    qint64 total = 0;
    QList<qint64> reported;
    const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total, &reported);
    const QList<QVariantList> expected =
        readOrdered(temp.db(), QStringLiteral("SELECT id, v FROM t ORDER BY id"), 2);
    QCOMPARE(total, qint64(expected.size()));
    QCOMPARE(rows, expected);
    // Counts reported during the scan never exceed the truth and never shrink.
    for (int i = 1; i < reported.size(); ++i)
        QVERIFY(reported[i] >= reported[i - 1]);
    QCOMPARE(reported.last(), total);
    QVERIFY(reported.first() <= total);
}

void TestTablePager::withoutRowidCompositeKey()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE w (k TEXT, n INTEGER, v, PRIMARY KEY (k, n)) WITHOUT ROWID"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
            "INSERT INTO w SELECT char(65 + i % 5), i, i * 1.5 FROM n"),
    });
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("w"));
    const TablePager pager(info, 64);
    QVERIFY(pager.usesKeyset());
    qint64 total = 0;
    const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total);
    QCOMPARE(total, 1000);
    QCOMPARE(rows,
             readOrdered(temp.db(), QStringLiteral("SELECT k, n, v FROM w ORDER BY k, n"), 3));
}

void TestTablePager::viewFallsBackToOffset()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (a INTEGER)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
            "INSERT INTO t SELECT i FROM n"),
        QStringLiteral("CREATE VIEW big AS SELECT a, a * 2 AS b FROM t WHERE a > 10"),
    });
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("big"));
    const TablePager pager(info, 50);
    QVERIFY(!pager.usesKeyset());
    qint64 total = 0;
    const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total);
    QCOMPARE(total, 240);
    QCOMPARE(rows, readOrdered(temp.db(), QStringLiteral("SELECT a, b FROM big"), 2));
}

void TestTablePager::shadowedRowidName()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE \"odd \"\"name\" (rowid TEXT, \"_rowid_\" TEXT, v)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
            "INSERT INTO \"odd \"\"name\" SELECT 'r' || (1000 - i), 'x', i FROM n"),
    });
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("odd \"name"));
    QCOMPARE(info.rowidName(), QStringLiteral("oid"));
    const TablePager pager(info, 32);
    qint64 total = 0;
    const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total);
    QCOMPARE(total, 300);
    // Rows come in insertion (rowid) order, not in the order of the column named rowid.
    QCOMPARE(rows.first().value(2).toInt(), 1);
    QCOMPARE(rows.last().value(2).toInt(), 300);
    QCOMPARE(rows.first().value(0).toString(), QStringLiteral("r999"));
}

void TestTablePager::emptyTable()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE e (a, b)")});
    const TablePager pager(SchemaReader::require(temp.db(), QStringLiteral("e")), 10);
    qint64 total = -1;
    QList<qint64> reported;
    QVERIFY(readAllPages(temp.db(), pager, &total, &reported).isEmpty());
    QCOMPARE(total, 0);
    QCOMPARE(reported, QList<qint64>{0});
}

void TestTablePager::placeholdersInTheTableName()
{
    // The data view of a table named "%1" failed: the page size went into the name.
    TempDatabase temp({QStringLiteral("CREATE TABLE \"%1 %4\" (a)"),
                       QStringLiteral("INSERT INTO \"%1 %4\" VALUES (1), (2), (3)")});
    const TablePager pager(SchemaReader::require(temp.db(), QStringLiteral("%1 %4")), 2);
    qint64 total = -1;
    const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total);
    QCOMPARE(total, 3);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.last().value(0).toInt(), 3);
}

void TestTablePager::exactMultipleOfPageSize()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (v)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
            "INSERT INTO t SELECT i FROM n"),
    });
    const TablePager pager(SchemaReader::require(temp.db(), QStringLiteral("t")), 50);
    qint64 total = 0;
    QCOMPARE(readAllPages(temp.db(), pager, &total).size(), 200);
    QCOMPARE(total, 200);
}

void TestTablePager::sinkCanStopTheScan()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (v)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
            "INSERT INTO t SELECT i FROM n"),
    });
    const TablePager pager(SchemaReader::require(temp.db(), QStringLiteral("t")), 10);
    int calls = 0;
    const qint64 result = pager.scan(temp.db(), [&](const auto &, qint64) {
        ++calls;
        return false;
    });
    QCOMPARE(result, -1);
    QCOMPARE(calls, 1);
}

void TestTablePager::rowsEndWithTheirKey()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v TEXT)"),
                       QStringLiteral("INSERT INTO t (rowid, v) VALUES (7, 'a'), (9, 'b')"),
                       QStringLiteral("CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID"),
                       QStringLiteral("INSERT INTO w VALUES ('x', 1)")});
    const TablePager plain(SchemaReader::require(temp.db(), QStringLiteral("t")), 10);
    QCOMPARE(plain.keyColumns(), QStringList{QStringLiteral("rowid")});
    QCOMPARE(plain.readPage(temp.db(), 0, {0}).value(1), (QVariantList{QStringLiteral("b"), 9}));
    const TablePager withoutRowid(SchemaReader::require(temp.db(), QStringLiteral("w")), 10);
    QCOMPARE(withoutRowid.readPage(temp.db(), 0, {QStringLiteral("")}).value(0),
             (QVariantList{QStringLiteral("x"), 1, QStringLiteral("x")}));
}

void TestTablePager::sortedAndFilteredAsSqliteOrdersThem()
{
    // Every sort and filter read page by page gives the rows of the same query in SQL, NULLs
    // and ties included: through rowids (a rowid table, with and without an index on the sorted
    // column) and through LIMIT/OFFSET (a WITHOUT ROWID table, a view).
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (name TEXT, n INTEGER, x REAL)"),
        QStringLiteral(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000) "
            "INSERT INTO t SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE 'n' || (i % 37) || "
            "CASE WHEN i % 5 = 0 THEN '_%' ELSE '' END END, CASE WHEN i % 13 = 0 THEN NULL ELSE "
            "i % 50 END, i * 0.25 FROM s"),
        QStringLiteral("DELETE FROM t WHERE rowid % 17 = 0"),
        QStringLiteral("CREATE INDEX t_n ON t (n)"),
        QStringLiteral("CREATE TABLE w (k INTEGER PRIMARY KEY, name TEXT, n INTEGER) WITHOUT "
                       "ROWID"),
        QStringLiteral("INSERT INTO w SELECT rowid, name, n FROM t"),
        QStringLiteral("CREATE VIEW v AS SELECT name, n FROM t"),
    });
    struct Case
    {
        QString table;
        int sort;
        bool descending;
        QHash<int, QString> filters;
        QString where; // the same in SQL
    };
    const QList<Case> cases{
        {QStringLiteral("t"), 1, false, {}, {}},
        {QStringLiteral("t"), 1, true, {}, {}},
        {QStringLiteral("t"), 0, false, {}, {}},
        {QStringLiteral("t"), 0, true, {{1, QStringLiteral("> 40")}}, QStringLiteral("n > 40")},
        {QStringLiteral("t"),
         -1,
         false,
         {{0, QStringLiteral("_%")}},
         QStringLiteral("instr(name, '_%') > 0")},
        {QStringLiteral("t"), 2, false, {{1, QStringLiteral("NULL")}}, QStringLiteral("n IS NULL")},
        {QStringLiteral("t"),
         1,
         false,
         {{0, QStringLiteral("N3")}, {1, QStringLiteral("<= 30")}},
         QStringLiteral("name LIKE '%n3%' AND n <= 30")},
        {QStringLiteral("t"),
         -1,
         false,
         {{0, QStringLiteral("= n5")}},
         QStringLiteral("name = 'n5'")},
        {QStringLiteral("w"),
         2,
         true,
         {{1, QStringLiteral("NOT NULL")}},
         QStringLiteral("name IS NOT NULL")},
        {QStringLiteral("v"), 1, false, {{1, QStringLiteral("<> 7")}}, QStringLiteral("n <> 7")},
    };
    for (const Case &c : cases) {
        const TableInfo info = SchemaReader::require(temp.db(), c.table);
        TablePager::Query query;
        query.sortColumn = c.sort;
        query.descending = c.descending;
        query.filters = c.filters;
        const TablePager pager(info, 100, query);
        QCOMPARE(pager.usesKeyset(), c.table == QLatin1String("t"));
        qint64 total = 0;
        const QList<QVariantList> rows = readAllPages(temp.db(), pager, &total);
        const QStringList columns = pager.columns();
        QStringList order;
        const QString direction = c.descending ? QStringLiteral(" DESC") : QString();
        if (c.sort >= 0)
            order << columns[c.sort] + direction;
        for (const QString &key : pager.keyColumns())
            order << key + direction;
        const QString sql =
            QStringLiteral("SELECT %1 FROM %2%3%4")
                .arg(columns.join(u','), c.table,
                     c.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + c.where,
                     order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + order.join(u','));
        const QList<QVariantList> expected = readOrdered(temp.db(), sql, int(columns.size()));
        QVERIFY2(!expected.isEmpty(), qPrintable(sql));
        QCOMPARE(total, qint64(expected.size()));
        QVERIFY2(rows == expected, qPrintable(sql));
    }
}

void TestTablePager::filtersReadAsTyped()
{
    QVariantList bound;
    QCOMPARE(ColumnFilter::condition(QStringLiteral("\"c\""), QStringLiteral("  "), &bound),
             QString());
    QCOMPARE(ColumnFilter::condition(QStringLiteral("\"c\""), QStringLiteral("null"), &bound),
             QStringLiteral("\"c\" IS NULL"));
    QCOMPARE(ColumnFilter::condition(QStringLiteral("c"), QStringLiteral(">= 10"), &bound),
             QStringLiteral("c >= ?"));
    QCOMPARE(ColumnFilter::condition(QStringLiteral("c"), QStringLiteral("!=2.5"), &bound),
             QStringLiteral("c <> ?"));
    QCOMPARE(ColumnFilter::condition(QStringLiteral("c"), QStringLiteral("<2024-01-01"), &bound),
             QStringLiteral("c < ?"));
    QCOMPARE(ColumnFilter::condition(QStringLiteral("c"), QStringLiteral("50%_off"), &bound),
             QStringLiteral("c LIKE ? ESCAPE '\\'"));
    QCOMPARE(bound, (QVariantList{10, 2.5, QStringLiteral("2024-01-01"),
                                  QStringLiteral("%50\\%\\_off%")}));
}

QTEST_GUILESS_MAIN(TestTablePager)
#include "tst_TablePager.moc"
