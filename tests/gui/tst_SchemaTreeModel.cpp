#include "SchemaTreeModel.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"

#include <QAbstractItemModelTester>
#include <QtTest>

class TestSchemaTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTesterThroughUpdates();
    void showsTablesColumnsAndBadges();
    void updatesInPlaceKeepingPersistentIndexes();
    void rowCountsArriveLater();
    void indexesAndTriggersFollowTheColumns();

private:
    static QList<TableInfo> schemaOf(const QStringList &statements);
};

QList<TableInfo> TestSchemaTreeModel::schemaOf(const QStringList &statements)
{
    TempDatabase temp(statements);
    return SchemaReader::readAll(temp.db());
}

void TestSchemaTreeModel::passesModelTesterThroughUpdates()
{
    SchemaTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTables(
        schemaOf({QStringLiteral("CREATE TABLE b (x, y)"), QStringLiteral("CREATE TABLE d (z)")}));
    model.setTables(
        schemaOf({QStringLiteral("CREATE TABLE a (p)"), QStringLiteral("CREATE TABLE b (x, y, w)"),
                  QStringLiteral("CREATE TABLE c (q)"),
                  QStringLiteral("CREATE VIEW e AS SELECT 1 AS one")}));
    model.setTables(schemaOf({QStringLiteral("CREATE TABLE b (x)")}));
    model.setRowCount(QStringLiteral("b"), 12);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSchemaTreeModel::showsTablesColumnsAndBadges()
{
    SchemaTreeModel model;
    model.setTables(schemaOf({
        QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                       "REFERENCES parent (id), a, b, qty INT CHECK (qty > 0), UNIQUE (a, b))"),
        QStringLiteral("CREATE VIEW v AS SELECT id FROM parent"),
    }));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex child = model.indexOfTable(QStringLiteral("child"));
    QCOMPARE(child.row(), 0);
    QCOMPARE(model.data(child).toString(), QStringLiteral("child"));
    QCOMPARE(model.data(child.siblingAtColumn(1)).toString(), QStringLiteral("… rows · 5 columns"));
    QCOMPARE(model.rowCount(child), 5);
    auto details = [&](int row) { return model.data(model.index(row, 1, child)).toString(); };
    QCOMPARE(details(0), QStringLiteral("INTEGER · PK"));
    QCOMPARE(details(1), QStringLiteral("INTEGER · NOT NULL · FK → parent.id"));
    QCOMPARE(details(2), QStringLiteral("(no type) · UNIQUE (a, b)"));
    QCOMPARE(details(4), QStringLiteral("INT · CHECK"));
    QVERIFY(model.data(model.index(4, 0, child), Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("CHECK (qty > 0)")));
    const QModelIndex parent = model.indexOfTable(QStringLiteral("parent"));
    QCOMPARE(model.data(model.index(1, 1, parent)).toString(),
             QStringLiteral("TEXT · NOT NULL · UNIQUE"));
    const QModelIndex view = model.indexOfTable(QStringLiteral("v"));
    QCOMPARE(model.data(view.siblingAtColumn(1)).toString(),
             QStringLiteral("view · … rows · 1 column"));
    QCOMPARE(model.tableAt(model.index(0, 0, child))->name, QStringLiteral("child"));
    QVERIFY(!model.data(child, Qt::DecorationRole).value<QIcon>().isNull());
}

void TestSchemaTreeModel::updatesInPlaceKeepingPersistentIndexes()
{
    SchemaTreeModel model;
    model.setTables(schemaOf(
        {QStringLiteral("CREATE TABLE keep (a, b)"), QStringLiteral("CREATE TABLE gone (x)")}));
    const QPersistentModelIndex keep = model.indexOfTable(QStringLiteral("keep"));
    const QPersistentModelIndex keepColumn = model.index(1, 0, keep);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setTables(schemaOf(
        {QStringLiteral("CREATE TABLE alpha (n)"), QStringLiteral("CREATE TABLE keep (a, b, c)")}));
    QCOMPARE(resets.count(), 0);
    QVERIFY(keep.isValid());
    QCOMPARE(keep.row(), 1); // alpha was inserted before it
    QCOMPARE(model.data(keep).toString(), QStringLiteral("keep"));
    QVERIFY(keepColumn.isValid());
    QCOMPARE(model.data(keepColumn).toString(), QStringLiteral("b"));
    QCOMPARE(model.rowCount(keep), 3);
    QCOMPARE(removed.count(), 1);  // "gone"
    QCOMPARE(inserted.count(), 2); // "alpha", and column c under "keep"
}

void TestSchemaTreeModel::rowCountsArriveLater()
{
    SchemaTreeModel model;
    model.setTables(schemaOf({QStringLiteral("CREATE TABLE t (a)")}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRowCount(QStringLiteral("t"), 1234567);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCountOf(QStringLiteral("t")), 1234567);
    const QString text = model.data(model.index(0, 1)).toString();
    QVERIFY2(text.contains(QLocale().toString(1234567)) && text.endsWith(QLatin1String("1 column")),
             qPrintable(text));
    model.setRowCount(QStringLiteral("no such table"), 5); // ignored, no crash
    QCOMPARE(changed.count(), 1);
}

void TestSchemaTreeModel::indexesAndTriggersFollowTheColumns()
{
    SchemaTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString table = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT "
                                         "UNIQUE, city TEXT, n INT)");
    const QString byCity = QStringLiteral("CREATE INDEX \"by city\" ON t (city, lower(email))");
    const QString log = QStringLiteral("CREATE TABLE log (what TEXT)");
    const QString trigger = QStringLiteral("CREATE TRIGGER t_logged AFTER INSERT ON t BEGIN "
                                           "INSERT INTO log VALUES (new.email); END");
    model.setTables(schemaOf({table, byCity, log, trigger}));
    const QPersistentModelIndex t = model.indexOfTable(QStringLiteral("t"));
    // Four columns, then the index made by a statement (not UNIQUE's own), then the trigger.
    QCOMPARE(model.rowCount(t), 6);
    auto text = [&](int row, int column) { return model.index(row, column, t).data().toString(); };
    QCOMPARE(text(4, 0), QStringLiteral("by city"));
    QCOMPARE(text(4, 1), QStringLiteral("index · on city, (expression)"));
    QCOMPARE(text(5, 0), QStringLiteral("t_logged"));
    QCOMPARE(text(5, 1), QStringLiteral("trigger · AFTER INSERT"));
    QCOMPARE(model.index(5, 0, t).data(SchemaTreeModel::CreateStatementRole).toString(), trigger);
    QCOMPARE(model.index(4, 0, t).data(Qt::ToolTipRole).toString(), byCity);
    QCOMPARE(model.tableAt(model.index(5, 0, t))->name, QStringLiteral("t"));
    QVERIFY(!model.index(4, 0, t).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.data(t, SchemaTreeModel::CreateStatementRole).toString(), table);

    // A column added and a unique partial index made: the trigger's row stays the same row.
    const QPersistentModelIndex triggerRow = model.index(5, 0, t);
    model.setTables(schemaOf({table, QStringLiteral("ALTER TABLE t ADD COLUMN note"), byCity,
                              QStringLiteral("CREATE UNIQUE INDEX one_per_city ON t (city) "
                                             "WHERE n > 0"),
                              log, trigger}));
    QCOMPARE(model.rowCount(t), 8);
    QCOMPARE(text(4, 0), QStringLiteral("note"));
    QCOMPARE(text(6, 1), QStringLiteral("index · UNIQUE on city (partial)"));
    QVERIFY(triggerRow.isValid());
    QCOMPARE(triggerRow.data().toString(), QStringLiteral("t_logged"));
    QCOMPARE(triggerRow.row(), 7);
    // Dropped again: back to the columns alone.
    model.setTables(schemaOf({table, log}));
    QCOMPARE(model.rowCount(t), 4);
}

QTEST_MAIN(TestSchemaTreeModel)
#include "tst_SchemaTreeModel.moc"
