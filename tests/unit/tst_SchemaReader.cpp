#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "util/RowforgeError.h"

#include <QtTest>

class TestSchemaReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTablesAndViewsButNotInternals();
    void columnsTypesAffinityDefaults();
    void primaryKeysAndRowidAlias();
    void uniqueKeysSingleCompositeAndIndexes();
    void foreignKeysSingleAndComposite();
    void checkConstraints();
    void generatedColumns();
    void withoutRowidAndStrict();
    void hostileNames();
    void rowidShadowing();
    void missingTableIsAnError();
    void affinityRules_data();
    void affinityRules();
};

void TestSchemaReader::listsTablesAndViewsButNotInternals()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE beta (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"),
        QStringLiteral("CREATE TABLE Alpha (x)"),
        QStringLiteral("CREATE VIEW gamma AS SELECT v FROM beta"),
        QStringLiteral("INSERT INTO beta (v) VALUES ('a'), ('b')"),
        QStringLiteral("ANALYZE"),
    });
    const QList<TableInfo> tables = SchemaReader::readAll(temp.db());
    QStringList names;
    for (const TableInfo &t : tables)
        names << t.name;
    // sqlite_sequence and sqlite_stat1 exist now but are SQLite's own.
    QCOMPARE(names, QStringList({"Alpha", "beta", "gamma"}));
    QCOMPARE(tables[2].kind, TableInfo::View);
    QCOMPARE(tables[2].columnNames(), QStringList{"v"});
    QCOMPARE(tables[1].kind, TableInfo::Table);
    QVERIFY(tables[1].sql.startsWith(QLatin1String("CREATE TABLE beta")));
    QCOMPARE(SchemaReader::rowCount(temp.db(), tables[1]), 2);
    QCOMPARE(SchemaReader::rowCount(temp.db(), tables[2]), 2);
}

void TestSchemaReader::columnsTypesAffinityDefaults()
{
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE t (a INTEGER NOT NULL DEFAULT 42, b VARCHAR(20) DEFAULT 'x''y', "
        "c DOUBLE PRECISION, d DECIMAL(10,2), e BLOB, f, g TEXT DEFAULT (datetime('now')))")});
    const TableInfo t = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QCOMPARE(t.columns.size(), 7);
    const ColumnInfo &a = t.columns[0];
    QCOMPARE(a.declaredType, QStringLiteral("INTEGER"));
    QCOMPARE(a.affinity, SqlAffinity::Integer);
    QVERIFY(a.notNull);
    QVERIFY(a.hasDefault);
    QCOMPARE(a.defaultSql, QStringLiteral("42"));
    QCOMPARE(t.columns[1].affinity, SqlAffinity::Text);
    QCOMPARE(t.columns[1].defaultSql, QStringLiteral("'x''y'"));
    QVERIFY(!t.columns[1].notNull);
    QCOMPARE(t.columns[2].affinity, SqlAffinity::Real);
    QCOMPARE(t.columns[3].affinity, SqlAffinity::Numeric);
    QCOMPARE(t.columns[4].affinity, SqlAffinity::Blob);
    QCOMPARE(t.columns[5].affinity, SqlAffinity::Blob);
    QCOMPARE(t.columns[5].declaredType, QString());
    QVERIFY(!t.columns[5].hasDefault);
    QCOMPARE(t.columns[6].defaultSql, QStringLiteral("datetime('now')"));
}

void TestSchemaReader::primaryKeysAndRowidAlias()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE alias (id INTEGER PRIMARY KEY, v)"),
        QStringLiteral("CREATE TABLE notalias (id INT PRIMARY KEY, v)"),
        QStringLiteral("CREATE TABLE composite (a TEXT, b INTEGER, v, PRIMARY KEY (b, a))"),
    });
    const TableInfo alias = SchemaReader::require(temp.db(), QStringLiteral("alias"));
    QVERIFY(alias.columns[0].rowidAlias);
    QVERIFY(alias.columns[0].isFilledBySqlite());
    QCOMPARE(alias.primaryKey(), QStringList{"id"});
    QCOMPARE(alias.rowidName(), QStringLiteral("id"));
    QCOMPARE(alias.uniqueKeys.size(), 1);
    QCOMPARE(alias.uniqueKeys[0].origin, UniqueKey::PrimaryKey);

    // "INT PRIMARY KEY" is not a rowid alias: SQLite does not fill it.
    const TableInfo notAlias = SchemaReader::require(temp.db(), QStringLiteral("notalias"));
    QVERIFY(!notAlias.columns[0].rowidAlias);
    QCOMPARE(notAlias.rowidName(), QStringLiteral("rowid"));

    const TableInfo composite = SchemaReader::require(temp.db(), QStringLiteral("composite"));
    QCOMPARE(composite.primaryKey(), QStringList({"b", "a"}));
    QCOMPARE(composite.columns[1].primaryKeyPosition, 1);
    QCOMPARE(composite.columns[0].primaryKeyPosition, 2);
    QVERIFY(!composite.columns[1].rowidAlias);
    QCOMPARE(composite.keysetColumns(), QStringList{"rowid"});
}

void TestSchemaReader::uniqueKeysSingleCompositeAndIndexes()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, a, b, c, d, "
                       "UNIQUE (a, b))"),
        QStringLiteral("CREATE UNIQUE INDEX t_c ON t (c)"),
        QStringLiteral("CREATE UNIQUE INDEX t_d_partial ON t (d) WHERE d IS NOT NULL"),
        QStringLiteral("CREATE UNIQUE INDEX t_expr ON t (lower(email))"),
        QStringLiteral("CREATE INDEX t_plain ON t (a)"),
    });
    const TableInfo t = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QVERIFY(t.column(QStringLiteral("email"))->unique);
    QVERIFY(t.column(QStringLiteral("c"))->unique);
    QVERIFY(!t.column(QStringLiteral("a"))->unique); // only unique together with b
    QVERIFY(!t.column(QStringLiteral("d"))->unique); // partial: not every row
    QList<QStringList> keys;
    bool partialFound = false;
    for (const UniqueKey &key : t.uniqueKeys) {
        keys << key.columns;
        if (key.columns == QStringList{"d"}) {
            partialFound = true;
            QVERIFY(key.partial);
            QCOMPARE(key.origin, UniqueKey::Index);
        }
        if (key.columns == QStringList({"a", "b"}))
            QCOMPARE(key.origin, UniqueKey::Constraint);
    }
    QVERIFY(partialFound);
    QVERIFY(keys.contains(QStringList{"id"}));
    QVERIFY(keys.contains(QStringList{"email"}));
    QVERIFY(keys.contains(QStringList({"a", "b"})));
    QVERIFY(keys.contains(QStringList{"c"}));
    QCOMPARE(keys.size(), 5); // the expression index and the plain index are not keys
}

void TestSchemaReader::foreignKeysSingleAndComposite()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, x, y, UNIQUE (x, y))"),
        QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, "
                       "parent_id INTEGER REFERENCES parent ON DELETE CASCADE, px, py, "
                       "FOREIGN KEY (px, py) REFERENCES parent (x, y) ON UPDATE SET NULL)"),
    });
    const TableInfo child = SchemaReader::require(temp.db(), QStringLiteral("child"));
    QCOMPARE(child.foreignKeys.size(), 2);
    const ForeignKey *single = nullptr;
    const ForeignKey *composite = nullptr;
    for (const ForeignKey &fk : child.foreignKeys)
        (fk.columns.size() == 1 ? single : composite) = &fk;
    QVERIFY(single && composite);
    QCOMPARE(single->parentTable, QStringLiteral("parent"));
    QCOMPARE(single->columns, QStringList{"parent_id"});
    // No column named in REFERENCES: the parent's primary key.
    QCOMPARE(single->parentColumns, QStringList{"id"});
    QCOMPARE(single->onDelete, QStringLiteral("CASCADE"));
    QCOMPARE(composite->columns, QStringList({"px", "py"}));
    QCOMPARE(composite->parentColumns, QStringList({"x", "y"}));
    QCOMPARE(composite->onUpdate, QStringLiteral("SET NULL"));
    QCOMPARE(child.foreignKeysOf(QStringLiteral("py")).size(), 1);
    QCOMPARE(child.foreignKeysOf(QStringLiteral("id")).size(), 0);
}

void TestSchemaReader::checkConstraints()
{
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE t (qty INTEGER CHECK (qty > 0), status TEXT CHECK (status IN ('a', ')')), "
        "lo, hi, CHECK (lo <= hi))")});
    const TableInfo t = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QCOMPARE(t.column(QStringLiteral("qty"))->checks, QStringList{"qty > 0"});
    QCOMPARE(t.column(QStringLiteral("status"))->checks, QStringList{"status IN ('a', ')')"});
    QCOMPARE(t.tableChecks, QStringList{"lo <= hi"});
}

void TestSchemaReader::generatedColumns()
{
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE t (price REAL, qty INTEGER, total REAL GENERATED ALWAYS AS (price * qty) "
        "VIRTUAL, label TEXT AS ('#' || qty) STORED)")});
    const TableInfo t = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QCOMPARE(t.columns.size(), 4); // table_xinfo includes generated columns
    QCOMPARE(t.column(QStringLiteral("total"))->generated, ColumnInfo::GeneratedVirtual);
    QCOMPARE(t.column(QStringLiteral("label"))->generated, ColumnInfo::GeneratedStored);
    QVERIFY(t.column(QStringLiteral("label"))->isFilledBySqlite());
    QVERIFY(!t.column(QStringLiteral("price"))->isFilledBySqlite());
}

void TestSchemaReader::withoutRowidAndStrict()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE w (k TEXT, n INTEGER, v, PRIMARY KEY (k, n)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT) STRICT"),
    });
    const TableInfo w = SchemaReader::require(temp.db(), QStringLiteral("w"));
    QVERIFY(w.withoutRowid);
    QVERIFY(!w.strict);
    QCOMPARE(w.rowidName(), QString());
    QCOMPARE(w.keysetColumns(), QStringList({"k", "n"}));
    // Columns of a WITHOUT ROWID primary key are NOT NULL even when not declared so.
    QVERIFY(w.column(QStringLiteral("k"))->notNull);
    const TableInfo s = SchemaReader::require(temp.db(), QStringLiteral("s"));
    QVERIFY(s.strict);
    QVERIFY(!s.withoutRowid);
}

void TestSchemaReader::hostileNames()
{
    const QString table = QStringLiteral("x; DROP TABLE y;--\"名前\"");
    TempDatabase temp({
        QStringLiteral("CREATE TABLE \"x; DROP TABLE y;--\"\"名前\"\"\" ("
                       "\"a\"\"b\" INTEGER PRIMARY KEY, \"select\" TEXT UNIQUE, "
                       "\"first name\" TEXT CHECK (\"first name\" <> ''), "
                       "\"名前\" TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE \"it's\" (ref INTEGER REFERENCES "
                       "\"x; DROP TABLE y;--\"\"名前\"\"\" (\"a\"\"b\"))"),
    });
    const TableInfo t = SchemaReader::require(temp.db(), table);
    QCOMPARE(t.columnNames(),
             QStringList({"a\"b", "select", "first name", QStringLiteral("名前")}));
    QVERIFY(t.column(QStringLiteral("a\"b"))->rowidAlias);
    QVERIFY(t.column(QStringLiteral("select"))->unique);
    QCOMPARE(t.column(QStringLiteral("first name"))->checks, QStringList{"\"first name\" <> ''"});
    QVERIFY(t.column(QStringLiteral("名前"))->notNull);
    const TableInfo child = SchemaReader::require(temp.db(), QStringLiteral("it's"));
    QCOMPARE(child.foreignKeys.size(), 1);
    QCOMPARE(child.foreignKeys[0].parentTable, table);
    QCOMPARE(child.foreignKeys[0].parentColumns, QStringList{"a\"b"});
    QCOMPARE(SchemaReader::rowCount(temp.db(), t), 0);
}

void TestSchemaReader::rowidShadowing()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE one (rowid TEXT, v)"),
        QStringLiteral("CREATE TABLE all3 (rowid, _rowid_, oid)"),
    });
    QCOMPARE(SchemaReader::require(temp.db(), QStringLiteral("one")).rowidName(),
             QStringLiteral("_rowid_"));
    const TableInfo all3 = SchemaReader::require(temp.db(), QStringLiteral("all3"));
    QCOMPARE(all3.rowidName(), QString());
    QCOMPARE(all3.keysetColumns(), QStringList());
}

void TestSchemaReader::missingTableIsAnError()
{
    TempDatabase temp;
    QVERIFY(!SchemaReader::read(temp.db(), QStringLiteral("nope")).has_value());
    try {
        SchemaReader::require(temp.db(), QStringLiteral("nope"));
        QFAIL("require() accepted a missing table");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("\"nope\"")), qPrintable(error.message()));
    }
}

void TestSchemaReader::affinityRules_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("affinity");
    QTest::newRow("INT") << "INT" << int(SqlAffinity::Integer);
    QTest::newRow("BIGINT") << "UNSIGNED BIG INT" << int(SqlAffinity::Integer);
    QTest::newRow("POINT has INT") << "FLOATING POINT" << int(SqlAffinity::Integer);
    QTest::newRow("NVARCHAR") << "NVARCHAR(100)" << int(SqlAffinity::Text);
    QTest::newRow("CLOB") << "CLOB" << int(SqlAffinity::Text);
    QTest::newRow("empty") << "" << int(SqlAffinity::Blob);
    QTest::newRow("DOUBLE") << "DOUBLE" << int(SqlAffinity::Real);
    QTest::newRow("REAL") << "real" << int(SqlAffinity::Real);
    QTest::newRow("BOOLEAN") << "BOOLEAN" << int(SqlAffinity::Numeric);
    QTest::newRow("DATE") << "DATE" << int(SqlAffinity::Numeric);
}

void TestSchemaReader::affinityRules()
{
    QFETCH(QString, type);
    QFETCH(int, affinity);
    QCOMPARE(int(SqlAffinity::fromDeclaredType(type)), affinity);
}

QTEST_GUILESS_MAIN(TestSchemaReader)
#include "tst_SchemaReader.moc"
