#include "TempDatabase.h"
#include "TestFiles.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "export/TableExporter.h"
#include "import/ImportCancelled.h"
#include "import/TableImporter.h"

#include <QtTest>

class TestTableImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvTypesValuesAndNulls();
    void headerOnlyMakesEmptyTable();
    void withoutHeaderColumnsAreNumbered();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void raggedRowsPadOrSkip();
    void cancelRollsBack();
    void hostileNames();
    void anEmptyNameGivenOnPurposeRoundTrips();
    void nameClashes();
    void appendMapsByHeader();
    void appendConstraintViolationWritesNothing();
    void replaceSwapsTheTable();
    void replaceRefusesATableOthersReference();
    void aReadOnlyDatabaseIsNotTheLinesFault();
    void recordsBeyondTheLimitAreRefused();
    void aMismatchNamesTheColumnAndTheValue();
    void windows1252DetectedPastTheSample();
    void utf16WithBom();
    void jsonArrayFlattensInFirstSeenOrder();
    void jsonLinesSkipBlankLines();
    void userChosenTypesAreEnforced();
    void oneColumnBlankLinesAreNulls();
    void columnsRenamedAndSkipped();
    void datesReadInTheirFormatAndStoredAsIso();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Everything the database holds, for before/after comparisons.
    static QString dump(QSqlDatabase &db);
    static QByteArray fileBytes(const QString &path);
    QTemporaryDir m_files;
};

QString TestTableImporter::writeFile(const QString &name, const QByteArray &bytes)
{
    return TestFiles::write(m_files.path(), name, bytes);
}

QString TestTableImporter::dump(QSqlDatabase &db)
{
    QString text;
    for (const TableInfo &table : SchemaReader::readAll(db)) {
        text += table.sql + u'\n';
        QSqlQuery rows = SqlExec::exec(
            db, QStringLiteral("SELECT * FROM %1").arg(SqlIdentifier::quote(table.name)));
        while (rows.next()) {
            for (int i = 0; i < table.columns.size(); ++i)
                text += rows.value(i).isNull() ? QStringLiteral("<null>|")
                                               : rows.value(i).toString() + u'|';
            text += u'\n';
        }
    }
    return text;
}

QByteArray TestTableImporter::fileBytes(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

void TestTableImporter::csvTypesValuesAndNulls()
{
    TempDatabase temp;
    const QString path =
        writeFile(QStringLiteral("Sales 2024.csv"),
                  "id,amount,zip,note,when,big\r\n"
                  "1,2.5,0805,\"a, \"\"quoted\"\" note\",2024-01-31,12345678901234567890\r\n"
                  "2,3,1000,,2024-02-01,1\r\n"
                  "3,,\"\",\"\",2024-02-02,2\r\n");
    const ImportResult result = TableImporter::import(temp.db(), path, ImportOptions());
    QCOMPARE(result.table, QStringLiteral("sales_2024"));
    QCOMPARE(result.rows, 3);
    QCOMPARE(result.format, QStringLiteral("CSV"));
    QVERIFY(result.createdTable);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("sales_2024"));
    QStringList types;
    for (const ColumnInfo &c : table.columns)
        types << c.declaredType;
    QCOMPARE(types, (QStringList{"INTEGER", "REAL", "TEXT", "TEXT", "TEXT", "TEXT"}));
    QSqlQuery q =
        SqlExec::exec(temp.db(), QStringLiteral("SELECT id, amount, typeof(amount), zip, note, "
                                                "\"when\", big FROM sales_2024 ORDER BY rowid"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toDouble(), 2.5);
    QCOMPARE(q.value(3).toString(), QStringLiteral("0805"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("a, \"quoted\" note"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("2024-01-31"));
    QCOMPARE(q.value(6).toString(), QStringLiteral("12345678901234567890"));
    QVERIFY(q.next());
    QCOMPARE(q.value(2).toString(), QStringLiteral("real")); // 3 in a REAL column
    QVERIFY(q.value(4).isNull());                            // unquoted empty: NULL
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
    QVERIFY(!q.value(3).isNull()); // quoted empty: ''
    QCOMPARE(q.value(3).toString(), QString());
    QVERIFY(!q.value(4).isNull());
}

void TestTableImporter::headerOnlyMakesEmptyTable()
{
    TempDatabase temp;
    const ImportResult result = TableImporter::import(
        temp.db(), writeFile(QStringLiteral("empty.csv"), "a,b,c\n"), ImportOptions());
    QCOMPARE(result.rows, 0);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("empty"));
    QCOMPARE(table.columnNames(), (QStringList{"a", "b", "c"}));
}

void TestTableImporter::withoutHeaderColumnsAreNumbered()
{
    TempDatabase temp;
    ImportOptions options;
    options.header = false;
    TableImporter::import(temp.db(), writeFile(QStringLiteral("n.csv"), "1,x\n2,y\n"), options);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("n"));
    QCOMPARE(table.columnNames(), (QStringList{"column_1", "column_2"}));
    QCOMPARE(SchemaReader::rowCount(temp.db(), table), 2);
}

void TestTableImporter::badInputWritesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file") << "e.csv" << QByteArray() << "e.csv: the file is empty";
    QTest::newRow("whitespace only") << "w.csv" << QByteArray(" \n\n") << "the file is empty";
    QTest::newRow("binary") << "b.csv" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                            << "binary file";
    QTest::newRow("unterminated quote") << "u.csv" << QByteArray("a,b\n1,2\n3,\"open\n")
                                        << "u.csv: line 3: unterminated quoted field";
    QTest::newRow("too many fields") << "r.csv" << QByteArray("a,b\n1,2\n3,4,5\n")
                                     << "r.csv: line 3: 3 fields where the header has 2";
    QTest::newRow("too few fields") << "f.csv" << QByteArray("a,b,c\n1,2,3\n4,5\n")
                                    << "line 3: 2 fields where the header has 3";
    QTest::newRow("invalid JSON") << "i.json" << QByteArray("[{\"a\": 1},\n {\"a\": tru}]")
                                  << "i.json: line 2, column 8";
    QTest::newRow("JSON not an array")
        << "o.json" << QByteArray("\"just a string\"") << "expected a JSON array of objects";
    QTest::newRow("array of numbers")
        << "n.json" << QByteArray("[1, 2]") << "line 1, column 2: expected an object";
    QTest::newRow("unclosed array")
        << "c.json" << QByteArray("[{\"a\": 1}, {\"a\": 2}") << "never closed";
    QTest::newRow("bad JSONL line")
        << "l.jsonl" << QByteArray("{\"a\":1}\n\n{\"a\":}\n") << "l.jsonl: line 3, column 6";
    QTest::newRow("missing file") << "" << QByteArray() << "no such file";
}

void TestTableImporter::badInputWritesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    TempDatabase temp({QStringLiteral("CREATE TABLE keep (v)"),
                       QStringLiteral("INSERT INTO keep VALUES (1), ('two')")});
    const QString path =
        name.isEmpty() ? m_files.filePath(QStringLiteral("nope.csv")) : writeFile(name, bytes);
    const QString before = dump(temp.db());
    const QByteArray beforeBytes = fileBytes(temp.path());
    try {
        TableImporter::import(temp.db(), path, ImportOptions());
        QFAIL("bad input was imported");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    }
    QCOMPARE(dump(temp.db()), before);
    QCOMPARE(fileBytes(temp.path()), beforeBytes);
}

void TestTableImporter::raggedRowsPadOrSkip()
{
    TempDatabase temp;
    const QString path = writeFile(QStringLiteral("rag.csv"), "a,b,c\n1,2,3\n4,5\n6,7,8,\n9\n");
    ImportOptions options;
    options.raggedRows = ImportOptions::RaggedRows::Pad;
    options.table = QStringLiteral("padded");
    QCOMPARE(TableImporter::import(temp.db(), path, options).rows, 4);
    QCOMPARE(
        SqlExec::scalar(temp.db(), QStringLiteral("SELECT count(*) FROM padded WHERE c IS NULL"))
            .toInt(),
        2);
    options.raggedRows = ImportOptions::RaggedRows::Skip;
    options.table = QStringLiteral("skipped");
    const ImportResult result = TableImporter::import(temp.db(), path, options);
    QCOMPARE(result.rows, 2); // "6,7,8," has only a trailing empty field too many
    QCOMPARE(result.skippedRows, 2);
}

void TestTableImporter::cancelRollsBack()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE keep (v)")});
    QByteArray csv("n,text\n");
    for (int i = 0; i < 20000; ++i)
        csv += QByteArray::number(i) + ",row " + QByteArray::number(i) + "\n";
    const QString path = writeFile(QStringLiteral("big.csv"), csv);
    const QString before = dump(temp.db());
    int calls = 0;
    qint64 lastDone = -1;
    // Cancel during the second pass, while rows are being inserted.
    QVERIFY_THROWS_EXCEPTION(
        ImportCancelled,
        TableImporter::import(temp.db(), path, ImportOptions(), [&](qint64 done, qint64 total) {
            ++calls;
            lastDone = done;
            return done < total * 3 / 4;
        }));
    QVERIFY(calls > 2);
    QVERIFY(lastDone > csv.size()); // it got into the second pass
    QCOMPARE(dump(temp.db()), before);
    QVERIFY(!SchemaReader::read(temp.db(), QStringLiteral("big")).has_value());
}

void TestTableImporter::hostileNames()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE y (v)")});
    ImportOptions options;
    options.table = QStringLiteral("x\"; DROP TABLE y;--");
    TableImporter::import(temp.db(),
                          writeFile(QStringLiteral("h.csv"),
                                    "\"a\"\"b\",select,名前,\"'); DROP TABLE y;--\"\n1,2,3,4\n"),
                          options);
    const TableInfo table = SchemaReader::require(temp.db(), options.table);
    QCOMPARE(table.columnNames(),
             (QStringList{"a\"b", "select", QStringLiteral("名前"), "'); DROP TABLE y;--"}));
    QVERIFY(SchemaReader::read(temp.db(), QStringLiteral("y")).has_value());
    QCOMPARE(SchemaReader::rowCount(temp.db(), table), 1);
}

void TestTableImporter::anEmptyNameGivenOnPurposeRoundTrips()
{
    // A column named "" exports as a quoted empty header field; it imported back as column_1.
    // An unquoted empty field (a pandas index) or a blank one still gets column_N.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (\"\" TEXT, b INTEGER)"),
                       QStringLiteral("INSERT INTO t VALUES ('x', 1), (NULL, 2)")});
    const QString exported = temp.folder() + QStringLiteral("/t.csv");
    QCOMPARE(TableExporter::exportToFile(temp.db(), QStringLiteral("t"), exported, ExportOptions()),
             qint64(2));
    ImportOptions options;
    options.table = QStringLiteral("back");
    TableImporter::import(temp.db(), exported, options);
    const TableInfo back = SchemaReader::require(temp.db(), QStringLiteral("back"));
    QCOMPARE(back.columnNames(), (QStringList{QString(), QStringLiteral("b")}));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(quote(\"\"), ',') FROM back")),
             QVariant(QStringLiteral("'x',NULL")));

    const auto namesOf = [&temp, this](const QString &file, const QByteArray &bytes) {
        ImportOptions named;
        named.table = file;
        TableImporter::import(temp.db(), writeFile(file, bytes), named);
        return SchemaReader::require(temp.db(), file).columnNames();
    };
    QCOMPARE(namesOf(QStringLiteral("index.csv"), ",a,\"  \"\n0,1,2\n"),
             (QStringList{"column_1", "a", "column_3"}));
    QCOMPARE(namesOf(QStringLiteral("keys.jsonl"), "{\"\": 1, \"a\": 2}\n"),
             (QStringList{QString(), QStringLiteral("a")}));
}

void TestTableImporter::nameClashes()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE sales (v)")});
    const QString path = writeFile(QStringLiteral("sales.csv"), "a\n1\n");
    QCOMPARE(TableImporter::import(temp.db(), path, ImportOptions()).table,
             QStringLiteral("sales_2"));
    QCOMPARE(TableImporter::import(temp.db(), path, ImportOptions()).table,
             QStringLiteral("sales_3"));
    ImportOptions explicitName;
    explicitName.table = QStringLiteral("SALES");
    try {
        TableImporter::import(temp.db(), path, explicitName);
        QFAIL("an existing table was overwritten without being asked to");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("already exists")),
                 qPrintable(error.message()));
    }
}

void TestTableImporter::appendMapsByHeader()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, Name TEXT NOT "
                                      "NULL, age INTEGER, note TEXT DEFAULT 'none')"),
                       QStringLiteral("INSERT INTO people (name, age) VALUES ('Ann', 30)")});
    ImportOptions options;
    options.table = QStringLiteral("people");
    options.ifExists = ImportOptions::IfExists::Append;
    const ImportResult result = TableImporter::import(
        temp.db(), writeFile(QStringLiteral("more.csv"), "AGE,name\n41,Bo\n,Cy\n"), options);
    QCOMPARE(result.rows, 2);
    QVERIFY(!result.createdTable);
    QCOMPARE(dump(temp.db()).section(u'\n', 1),
             QStringLiteral("1|Ann|30|none|\n2|Bo|41|none|\n3|Cy|<null>|none|\n"));

    const QString before = dump(temp.db());
    try {
        TableImporter::import(temp.db(), writeFile(QStringLiteral("bad.csv"), "name,shoe\nDi,44\n"),
                              options);
        QFAIL("an unknown column was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("\"shoe\" matches no column")),
                 qPrintable(error.message()));
    }
    QCOMPARE(dump(temp.db()), before);
}

void TestTableImporter::appendConstraintViolationWritesNothing()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE u (email TEXT UNIQUE NOT NULL, n INTEGER "
                                      "CHECK (n > 0))"),
                       QStringLiteral("INSERT INTO u VALUES ('a@x.io', 1)")});
    ImportOptions options;
    options.table = QStringLiteral("u");
    options.ifExists = ImportOptions::IfExists::Append;
    const QString before = dump(temp.db());
    const struct
    {
        const char *csv;
        const char *message;
    } cases[] = {{"email,n\nb@x.io,2\na@x.io,3\n", "line 3: UNIQUE constraint failed: u.email"},
                 {"email,n\nc@x.io,2\n,3\n", "line 3: NOT NULL constraint failed: u.email"},
                 {"email,n\nd@x.io,2\ne@x.io,-1\n", "line 3: CHECK constraint failed"}};
    for (const auto &c : cases) {
        try {
            TableImporter::import(temp.db(), writeFile(QStringLiteral("c.csv"), c.csv), options);
            QFAIL("a constraint violation was imported");
        } catch (const RowforgeError &error) {
            QVERIFY2(error.message().contains(QLatin1String(c.message)),
                     qPrintable(error.message()));
        }
        QCOMPARE(dump(temp.db()), before);
    }
}

void TestTableImporter::replaceSwapsTheTable()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (old TEXT)"),
                       QStringLiteral("INSERT INTO t VALUES ('gone')")});
    ImportOptions options;
    options.table = QStringLiteral("t");
    options.ifExists = ImportOptions::IfExists::Replace;
    TableImporter::import(temp.db(), writeFile(QStringLiteral("t.csv"), "fresh\n1\n2\n"), options);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QCOMPARE(table.columnNames(), QStringList{"fresh"});
    QCOMPARE(SchemaReader::rowCount(temp.db(), table), 2);
}

void TestTableImporter::replaceRefusesATableOthersReference()
{
    // Replacing would drop the parent: ON DELETE CASCADE would delete every order, and the new
    // table without a key would break the orders' foreign key. Refused, nothing changed.
    TempDatabase temp({QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name)"),
                       QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id "
                                      "REFERENCES customers (id) ON DELETE CASCADE)"),
                       QStringLiteral("INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bo')"),
                       QStringLiteral("INSERT INTO orders VALUES (1, 1), (2, 1), (3, 2)")});
    SqlExec::exec(temp.db(), QStringLiteral("PRAGMA foreign_keys = ON"));
    const QString before = dump(temp.db());
    ImportOptions options;
    options.table = QStringLiteral("Customers");
    options.ifExists = ImportOptions::IfExists::Replace;
    try {
        TableImporter::import(temp.db(), writeFile(QStringLiteral("c.csv"), "name\nCy\n"), options);
        QFAIL("a referenced table was replaced");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(),
                 QStringLiteral("c.csv: cannot replace \"Customers\": \"orders\" (customer_id) "
                                "references it, and replacing it would delete or orphan their "
                                "rows. Nothing was changed; import into a new table, or append."));
    }
    QCOMPARE(dump(temp.db()), before);
    // Appending stays possible, and a table that only references itself is replaced.
    options.ifExists = ImportOptions::IfExists::Append;
    TableImporter::import(temp.db(), writeFile(QStringLiteral("c.csv"), "name\nCy\n"), options);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3);
    SqlExec::exec(temp.db(), QStringLiteral("CREATE TABLE staff (id INTEGER PRIMARY KEY, boss "
                                            "REFERENCES staff (id))"));
    options.table = QStringLiteral("staff");
    options.ifExists = ImportOptions::IfExists::Replace;
    TableImporter::import(temp.db(), writeFile(QStringLiteral("s.csv"), "name\nDi\n"), options);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM staff")).toInt(), 1);
}

void TestTableImporter::aReadOnlyDatabaseIsNotTheLinesFault()
{
    // "line 2: attempt to write a readonly database" blamed the first data line.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v TEXT)")});
    SqlExec::exec(temp.db(), QStringLiteral("PRAGMA query_only = 1"));
    for (const auto mode : {ImportOptions::IfExists::Append, ImportOptions::IfExists::Fail}) {
        ImportOptions options;
        options.table =
            mode == ImportOptions::IfExists::Append ? QStringLiteral("t") : QStringLiteral("fresh");
        options.ifExists = mode;
        try {
            TableImporter::import(temp.db(), writeFile(QStringLiteral("r.csv"), "v\nx\n"), options);
            QFAIL("a read-only database was written");
        } catch (const RowforgeError &error) {
            QVERIFY2(error.message().startsWith(QLatin1String(
                         "r.csv was not imported. The database cannot be written (attempt to "
                         "write a readonly database)")),
                     qPrintable(error.message()));
        }
    }
}

void TestTableImporter::recordsBeyondTheLimitAreRefused()
{
    // A stray quote made the reader hold the rest of a 103 MB file as one record (319 MB);
    // one 200 MB JSON line took 1.07 GB. Beyond the limit a record is refused, with its line.
    TempDatabase temp;
    const QByteArray filler(3 * 1024 * 1024, 'x');
    ImportOptions options;
    options.maxRecordBytes = 1024 * 1024;
    const struct
    {
        const char *name;
        QByteArray bytes;
        const char *message;
    } cases[] = {
        {"quote.csv", "a,b\n1,\"never closed\n" + filler + "\n",
         "quote.csv: line 2: a record longer than 1 MB"},
        {"wide.jsonl", "{\"a\": 1}\n{\"a\": \"" + filler + "\"}\n", "wide.jsonl: line 2"},
        {"array.json", "[{\"a\": 1}, {\"a\": \"" + filler + "\"}]", "array.json: line 1"},
    };
    for (const auto &c : cases) {
        try {
            TableImporter::import(temp.db(), writeFile(QString::fromLatin1(c.name), c.bytes),
                                  options);
            QFAIL(c.name);
        } catch (const RowforgeError &error) {
            QVERIFY2(error.message().startsWith(QLatin1String(c.message)) &&
                         error.message().contains(QLatin1String("longer than 1 MB")),
                     qPrintable(error.message()));
        }
    }
    QVERIFY(SchemaReader::readAll(temp.db()).isEmpty());
    // Within the limit the same long field imports.
    options.maxRecordBytes = 8 * 1024 * 1024;
    TableImporter::import(
        temp.db(), writeFile(QStringLiteral("long.csv"), "a\n\"" + filler + "\"\n"), options);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT length(a) FROM long")).toInt(), filler.size());
}

void TestTableImporter::aMismatchNamesTheColumnAndTheValue()
{
    // Appending "abc" to an INTEGER PRIMARY KEY said only "line 3: datatype mismatch".
    TempDatabase temp({QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT)")});
    ImportOptions options;
    options.table = QStringLiteral("p");
    options.ifExists = ImportOptions::IfExists::Append;
    try {
        TableImporter::import(temp.db(),
                              writeFile(QStringLiteral("p.csv"), "id,name\n1,a\nabc,b\n"), options);
        QFAIL("text went into a rowid");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(), QStringLiteral("p.csv: line 3: \"id\" is an INTEGER PRIMARY KEY "
                                                 "and takes whole numbers only, got \"abc\""));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM p")).toInt(), 0);
}

void TestTableImporter::windows1252DetectedPastTheSample()
{
    TempDatabase temp;
    // The first 64 KB are plain ASCII; the first non-UTF-8 byte comes after them.
    QByteArray csv("name,n\n");
    while (csv.size() < 100 * 1024)
        csv += "plain,1\n";
    csv += "Caf\xE9 cr\xE8me \x80,2\n";
    const ImportResult result =
        TableImporter::import(temp.db(), writeFile(QStringLiteral("cp.csv"), csv), ImportOptions());
    QCOMPARE(result.encoding, TextEncoding::Windows1252);
    QCOMPARE(
        SqlExec::scalar(temp.db(), QStringLiteral("SELECT name FROM cp WHERE n = 2")).toString(),
        QStringLiteral("Café crème €"));
}

void TestTableImporter::utf16WithBom()
{
    TempDatabase temp;
    const QString text = QStringLiteral("city;n\nZürich;1\n東京;2\n");
    QByteArray bytes("\xFF\xFE");
    for (const QChar c : text)
        bytes += char(c.unicode() & 0xFF), bytes += char(c.unicode() >> 8);
    const ImportResult result = TableImporter::import(
        temp.db(), writeFile(QStringLiteral("u16.csv"), bytes), ImportOptions());
    QCOMPARE(result.encoding, TextEncoding::Utf16LE);
    QCOMPARE(result.delimiter, QChar(u';'));
    QCOMPARE(
        SqlExec::scalar(temp.db(), QStringLiteral("SELECT city FROM u16 WHERE n = 2")).toString(),
        QStringLiteral("東京"));
}

void TestTableImporter::jsonArrayFlattensInFirstSeenOrder()
{
    TempDatabase temp;
    const QString path = writeFile(
        QStringLiteral("people.json"),
        "\xEF\xBB\xBF[\n"
        "  {\"zeta\": 1, \"name\": \"Ann\", \"address\": {\"city\": \"Oslo\", \"geo\": {\"lat\": "
        "59.9}},"
        "   \"tags\": [\"a\", {\"b\": 1}], \"ok\": true},\n"
        "  {\"name\": \"Bo \\\"B\\\" \\u00e9\", \"extra\": null, \"zeta\": 12345678901234567890,"
        "   \"brace\": \"}{][\"}\n"
        "]\n");
    const ImportResult result = TableImporter::import(temp.db(), path, ImportOptions());
    QCOMPARE(result.format, QStringLiteral("JSON"));
    QCOMPARE(result.rows, 2);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("people"));
    QCOMPARE(table.columnNames(), (QStringList{"zeta", "name", "address__city", "address__geo__lat",
                                               "tags", "ok", "extra", "brace"}));
    QCOMPARE(table.column(QStringLiteral("zeta"))->declaredType, QStringLiteral("TEXT"));
    QCOMPARE(table.column(QStringLiteral("address__geo__lat"))->declaredType,
             QStringLiteral("REAL"));
    QCOMPARE(table.column(QStringLiteral("ok"))->declaredType, QStringLiteral("INTEGER"));
    QCOMPARE(dump(temp.db()).section(u'\n', 1),
             QStringLiteral(
                 "1|Ann|Oslo|59.9|[\"a\",{\"b\":1}]|1|<null>|<null>|\n"
                 "12345678901234567890|Bo \"B\" é|<null>|<null>|<null>|<null>|<null>|}{][|\n"));
}

void TestTableImporter::jsonLinesSkipBlankLines()
{
    TempDatabase temp;
    const ImportResult result =
        TableImporter::import(temp.db(),
                              writeFile(QStringLiteral("events.ndjson"),
                                        "{\"t\":\"a\",\"n\":1}\r\n\n{\"n\":2.5,\"u\":\"x\"}\n\n"),
                              ImportOptions());
    QCOMPARE(result.format, QStringLiteral("JSONL"));
    QCOMPARE(result.rows, 2);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("events"));
    QCOMPARE(table.columnNames(), (QStringList{"t", "n", "u"}));
    QCOMPARE(table.column(QStringLiteral("n"))->declaredType, QStringLiteral("REAL"));
}

void TestTableImporter::userChosenTypesAreEnforced()
{
    TempDatabase temp;
    const QString path = writeFile(QStringLiteral("ty.csv"), "code,n\n0805,1\n0806,x\n");
    ImportOptions options;
    options.columnTypes.insert(QStringLiteral("n"), ColumnType::Integer);
    const QString before = dump(temp.db());
    try {
        TableImporter::import(temp.db(), path, options);
        QFAIL("a text value went into a column the user made INTEGER");
    } catch (const RowforgeError &error) {
        QVERIFY2(
            error.message().contains(QLatin1String("line 3, column \"n\": \"x\" is not INTEGER")),
            qPrintable(error.message()));
    }
    QCOMPARE(dump(temp.db()), before);
    options.columnTypes.clear();
    options.columnTypes.insert(QStringLiteral("code"), ColumnType::Text);
    TableImporter::import(temp.db(), path, options);
    QCOMPARE(
        SqlExec::scalar(temp.db(), QStringLiteral("SELECT code FROM ty WHERE n = 1")).toString(),
        QStringLiteral("0805"));
}

void TestTableImporter::oneColumnBlankLinesAreNulls()
{
    // What the exporter writes for a one-column table with NULLs: an empty line per NULL.
    TempDatabase temp;
    TableImporter::import(temp.db(), writeFile(QStringLiteral("one.csv"), "name\n\nann\n\n\"\"\n"),
                          ImportOptions());
    QCOMPARE(dump(temp.db()).section(u'\n', 1), QStringLiteral("<null>|\nann|\n<null>|\n|\n"));
    // With more columns a blank line is no row at all.
    TableImporter::import(temp.db(), writeFile(QStringLiteral("two.csv"), "a,b\n\n1,2\n\n"),
                          ImportOptions());
    QCOMPARE(
        SchemaReader::rowCount(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("two"))),
        1);
}

void TestTableImporter::columnsRenamedAndSkipped()
{
    TempDatabase temp;
    const QString path =
        writeFile(QStringLiteral("staff.csv"), "Full Name,age,internal id,notes\nAnn,30,x1,hi\n"
                                               "Bo,41,x2,\n");
    ImportOptions options;
    options.columnNames.insert(QStringLiteral("Full Name"), QStringLiteral("name"));
    options.skippedColumns << QStringLiteral("internal id");
    // A type chosen for a renamed column goes by the name the file gives it.
    options.columnTypes.insert(QStringLiteral("age"), ColumnType::Real);
    const ImportResult result = TableImporter::import(temp.db(), path, options);
    QCOMPARE(result.rows, 2);
    QCOMPARE(dump(temp.db()), QStringLiteral("CREATE TABLE \"staff\" (\"name\" TEXT, \"age\" REAL, "
                                             "\"notes\" TEXT)\nAnn|30|hi|\nBo|41|<null>|\n"));

    // Appending: the new name is the existing column's; a skipped column is left to its default.
    temp.exec(QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, age "
                             "INTEGER, notes TEXT DEFAULT 'none')"));
    options = ImportOptions();
    options.table = QStringLiteral("people");
    options.ifExists = ImportOptions::IfExists::Append;
    options.columnNames.insert(QStringLiteral("Full Name"), QStringLiteral("NAME"));
    options.skippedColumns << QStringLiteral("internal id") << QStringLiteral("notes");
    TableImporter::import(temp.db(), path, options);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(name || ':' || age || ':' || notes, "
                                        "' ') FROM people"))
                 .toString(),
             QStringLiteral("Ann:30:none Bo:41:none"));

    // Choices that cannot make a table are refused, naming the column, with nothing written.
    const QString before = dump(temp.db());
    auto refused = [&](const ImportOptions &bad, const QString &expected) {
        try {
            TableImporter::import(temp.db(), path, bad);
            QFAIL("a bad column choice was accepted");
        } catch (const RowforgeError &error) {
            QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        }
        QCOMPARE(dump(temp.db()), before);
    };
    ImportOptions twice;
    twice.table = QStringLiteral("other");
    twice.columnNames.insert(QStringLiteral("notes"), QStringLiteral("AGE"));
    refused(twice, QStringLiteral("two columns would be named \"AGE\"; rename or skip one"));
    ImportOptions empty = twice;
    empty.columnNames = {{QStringLiteral("age"), QStringLiteral("  ")}};
    refused(empty, QStringLiteral("column \"age\" is given an empty name"));
    ImportOptions none = twice;
    none.columnNames.clear();
    none.skippedColumns = {QStringLiteral("Full Name"), QStringLiteral("age"),
                           QStringLiteral("internal id"), QStringLiteral("notes")};
    refused(none, QStringLiteral("every column is skipped: nothing to import"));
}

void TestTableImporter::datesReadInTheirFormatAndStoredAsIso()
{
    TempDatabase temp;
    const QString path =
        writeFile(QStringLiteral("visits.csv"), "day,at,note\n31/01/2024,2024-01-31T13:45:00,a\n"
                                                "01/02/2024,2024-02-01T08:05:09,b\n,,c\n");
    ImportOptions options;
    options.columnTypes.insert(QStringLiteral("day"), ColumnType::Date);
    options.columnTypes.insert(QStringLiteral("at"), ColumnType::DateTime);
    TableImporter::import(temp.db(), path, options);
    QCOMPARE(dump(temp.db()),
             QStringLiteral("CREATE TABLE \"visits\" (\"day\" DATE, \"at\" DATETIME, \"note\" "
                            "TEXT)\n2024-01-31|2024-01-31 13:45:00|a|\n2024-02-01|2024-02-01 "
                            "08:05:09|b|\n<null>|<null>|c|\n"));
    // SQLite's date functions read them.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT round((julianday(at) - julianday(day)) * 1440) "
                                        "FROM visits WHERE note = 'a'"))
                 .toInt(),
             13 * 60 + 45);

    // Whatever cannot be read as asked stops the import, naming the place; nothing is written.
    const QString before = dump(temp.db());
    auto refused = [&](const QByteArray &csv, ColumnType::Type type, const QString &expected) {
        ImportOptions bad;
        bad.table = QStringLiteral("bad");
        bad.columnTypes.insert(QStringLiteral("d"), type);
        try {
            TableImporter::import(temp.db(), writeFile(QStringLiteral("bad.csv"), csv), bad);
            QFAIL("a value that is no date went into a date column");
        } catch (const RowforgeError &error) {
            QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        }
        QCOMPARE(dump(temp.db()), before);
    };
    refused("d\n18/02/2023\n19/02/2023\n20/02/2023\n21/02/2023\n22/02/2023\n23/02/2023\n"
            "24/02/2023\n25/02/2023\n26/02/2023\n27/02/2023\n28/02/2023\n29/02/2023\n",
            ColumnType::Date,
            QStringLiteral("line 13, column \"d\": \"29/02/2023\" is not a date in the form "
                           "dd/MM/yyyy"));
    refused("d\nsoon\nlater\n", ColumnType::Date,
            QStringLiteral("column \"d\": its values are in no date format Rowforge reads (e.g. "
                           "\"soon\"); choose TEXT to keep them as they are"));
    refused("d\n2024-01-31 10:00:00\n", ColumnType::Date,
            QStringLiteral("column \"d\" holds times of day (yyyy-MM-dd HH:mm:ss): choose "
                           "DATETIME to keep them"));
    // The format can be given: 01/02/2024 is the 2nd of January in MM/dd/yyyy.
    ImportOptions american;
    american.table = QStringLiteral("us");
    american.columnTypes.insert(QStringLiteral("d"), ColumnType::Date);
    american.dateFormats.insert(QStringLiteral("d"), QStringLiteral("MM/dd/yyyy"));
    TableImporter::import(temp.db(), writeFile(QStringLiteral("us.csv"), "d\n01/02/2024\n"),
                          american);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT d FROM us")).toString(),
             QStringLiteral("2024-01-02"));
}

QTEST_GUILESS_MAIN(TestTableImporter)
#include "tst_TableImporter.moc"
