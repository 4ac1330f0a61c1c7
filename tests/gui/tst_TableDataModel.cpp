#include "TableDataModel.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QtTest>

class TestTableDataModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void largeTableOpensAndReachesAnyRow();
    void nullIsDistinctFromEmptyString();
    void valuesDisplayExactly();
    void cacheStaysBounded();
    void reloadSeesNewRows();
    void viewsAndHostileNames();
    void missingTableReportsError();
    void modelTesterDuringScan();

private:
    // Asks for a cell and waits until its page has arrived from the worker.
    static QVariant fetch(TableDataModel &model, int row, int column, int role = Qt::DisplayRole);
    std::unique_ptr<TempDatabase> m_large;
    static constexpr int LargeRows = 1000000;
};

void TestTableDataModel::initTestCase()
{
    m_large = std::make_unique<TempDatabase>(QStringList{
        QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT, amount REAL)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            "INSERT INTO big SELECT i * 2, 'row ' || i, i / 4.0 FROM n")
            .arg(LargeRows),
    });
}

QVariant TestTableDataModel::fetch(TableDataModel &model, int row, int column, int role)
{
    const QModelIndex index = model.index(row, column);
    model.data(index, Qt::DisplayRole); // the view's request
    if (!QTest::qWaitFor([&] { return model.isPageLoaded(row); }, 20000))
        return QStringLiteral("<page never loaded>");
    return model.data(index, role);
}

void TestTableDataModel::largeTableOpensAndReachesAnyRow()
{
    TableDataModel model;
    QSignalSpy finished(&model, &TableDataModel::scanFinished);
    model.setTable(m_large->path(), SchemaReader::require(m_large->db(), QStringLiteral("big")));
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("label"));
    // The first rows are there before the scan of the whole table is done.
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    QCOMPARE(fetch(model, 0, 1).toString(), QStringLiteral("row 1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().first().toLongLong(), qint64(LargeRows));
    QCOMPARE(model.rowCount(), LargeRows);
    QVERIFY(!model.isScanning());
    // Any row, by key: the middle and the very last.
    QCOMPARE(fetch(model, 500000, 1).toString(), QStringLiteral("row 500001"));
    QCOMPARE(fetch(model, LargeRows - 1, 0, TableDataModel::RawValueRole).toLongLong(),
             qint64(LargeRows) * 2);
    QCOMPARE(fetch(model, LargeRows - 1, 2).toString(), QStringLiteral("250000.0"));
    QCOMPARE(model.headerData(LargeRows - 1, Qt::Vertical).toString(),
             QLocale().toString(LargeRows));
}

void TestTableDataModel::nullIsDistinctFromEmptyString()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v TEXT)"),
                       QStringLiteral("INSERT INTO t VALUES (NULL), (''), ('NULL')")});
    TableDataModel model;
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(fetch(model, 0, 0, TableDataModel::RawValueRole).isNull());
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("NULL"));
    QVERIFY(model.data(model.index(0, 0), Qt::FontRole).value<QFont>().italic());

    const QVariant empty = model.data(model.index(1, 0), TableDataModel::RawValueRole);
    QVERIFY(!empty.isNull());
    QCOMPARE(empty.toString(), QString());
    QCOMPARE(model.data(model.index(1, 0)).toString(), QString());
    // The text "NULL" looks like text, not like a NULL.
    QCOMPARE(model.data(model.index(2, 0)).toString(), QStringLiteral("NULL"));
    QVERIFY(!model.data(model.index(2, 0), Qt::FontRole).isValid());
}

void TestTableDataModel::valuesDisplayExactly()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (r REAL, i INTEGER, b BLOB, s TEXT)"),
                       QStringLiteral("INSERT INTO t VALUES (0.1, 9007199254740993, x'00ff10', "
                                      "'two' || char(10) || 'lines')")});
    TableDataModel model;
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(fetch(model, 0, 0).toString(), QStringLiteral("0.1"));
    QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(model.data(model.index(0, 2)).toString(), QStringLiteral("BLOB (3 bytes)"));
    QCOMPARE(model.data(model.index(0, 3)).toString(), QStringLiteral("two⏎lines"));
    QCOMPARE(model.data(model.index(0, 1), Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestTableDataModel::cacheStaysBounded()
{
    TableDataModel model;
    model.setTable(m_large->path(), SchemaReader::require(m_large->db(), QStringLiteral("big")));
    const int pages = TableDataModel::CachedPages + 6;
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= pages * TableDataModel::PageSize, 20000);
    for (int page = 0; page < pages; ++page)
        QCOMPARE(fetch(model, page * TableDataModel::PageSize, 1).toString(),
                 QStringLiteral("row %1").arg(page * TableDataModel::PageSize + 1));
    int loaded = 0;
    for (int page = 0; page < pages; ++page)
        loaded += model.isPageLoaded(page * TableDataModel::PageSize) ? 1 : 0;
    QCOMPARE(loaded, TableDataModel::CachedPages);
    QVERIFY(!model.isPageLoaded(0)); // the farthest from where the reading went
    QVERIFY(model.isPageLoaded((pages - 1) * TableDataModel::PageSize));
}

void TestTableDataModel::reloadSeesNewRows()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (v)"), QStringLiteral("INSERT INTO t VALUES (1), (2)")});
    TableDataModel model;
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QTRY_COMPARE(model.rowCount(), 2);
    temp.exec(QStringLiteral("INSERT INTO t VALUES (3)"));
    model.reload();
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(fetch(model, 2, 0).toString(), QStringLiteral("3"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestTableDataModel::viewsAndHostileNames()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE \"a\"\"b; --\" (\"列\" TEXT, \"select\" INT)"),
        QStringLiteral("INSERT INTO \"a\"\"b; --\" VALUES ('x', 1), ('y', 2)"),
        QStringLiteral("CREATE VIEW \"v w\" AS SELECT \"select\" * 10 AS ten FROM \"a\"\"b; --\""),
    });
    TableDataModel model;
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("a\"b; --")));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("列"));
    QCOMPARE(fetch(model, 1, 0).toString(), QStringLiteral("y"));
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("v w")));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(fetch(model, 1, 0).toString(), QStringLiteral("20"));
}

void TestTableDataModel::missingTableReportsError()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)")});
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("t"));
    temp.exec(QStringLiteral("DROP TABLE t"));
    TableDataModel model;
    QSignalSpy failed(&model, &TableDataModel::loadFailed);
    model.setTable(temp.path(), info);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("no such table")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(model.rowCount(), 0);
}

void TestTableDataModel::modelTesterDuringScan()
{
    // The tester walks every cell after each change, so a few thousand rows, many pages.
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT)"),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
            "INSERT INTO t SELECT i, 'row ' || i FROM n"),
    });
    TableDataModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &TableDataModel::scanFinished);
    model.setTable(temp.path(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(model.rowCount(), 3000);
    QCOMPARE(fetch(model, 2999, 1).toString(), QStringLiteral("row 3000"));
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    model.clear();
}

QTEST_MAIN(TestTableDataModel)
#include "tst_TableDataModel.moc"
