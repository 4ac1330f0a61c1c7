#include "TempDatabase.h"
#include "TestFiles.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
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

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    static QByteArray fileBytes(const QString &path);
    QTemporaryDir m_files;
};

QString TestTableImporter::writeFile(const QString &name, const QByteArray &bytes)
{
    return TestFiles::write(m_files.path(), name, bytes);
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
    const QString before = temp.dump();
    const QByteArray beforeBytes = fileBytes(temp.path());
    try {
        TableImporter::import(temp.db(), path, ImportOptions());
        QFAIL("bad input was imported");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    }
    QCOMPARE(temp.dump(), before);
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
    const QString before = temp.dump();
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
    QCOMPARE(temp.dump(), before);
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
    QCOMPARE(temp.dump().section(u'\n', 1),
             QStringLiteral("1|Ann|30|none|\n2|Bo|41|none|\n3|Cy|<null>|none|\n"));

    const QString before = temp.dump();
    try {
        TableImporter::import(temp.db(), writeFile(QStringLiteral("bad.csv"), "name,shoe\nDi,44\n"),
                              options);
        QFAIL("an unknown column was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("\"shoe\" matches no column")),
                 qPrintable(error.message()));
    }
    QCOMPARE(temp.dump(), before);
}

void TestTableImporter::appendConstraintViolationWritesNothing()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE u (email TEXT UNIQUE NOT NULL, n INTEGER "
                                      "CHECK (n > 0))"),
                       QStringLiteral("INSERT INTO u VALUES ('a@x.io', 1)")});
    ImportOptions options;
    options.table = QStringLiteral("u");
    options.ifExists = ImportOptions::IfExists::Append;
    const QString before = temp.dump();
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
        QCOMPARE(temp.dump(), before);
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
    const QString before = temp.dump();
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
    QCOMPARE(temp.dump(), before);
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
    QCOMPARE(temp.dump().section(u'\n', 1),
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
    const QString before = temp.dump();
    try {
        TableImporter::import(temp.db(), path, options);
        QFAIL("a text value went into a column the user made INTEGER");
    } catch (const RowforgeError &error) {
        QVERIFY2(
            error.message().contains(QLatin1String("line 3, column \"n\": \"x\" is not INTEGER")),
            qPrintable(error.message()));
    }
    QCOMPARE(temp.dump(), before);
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
    QCOMPARE(temp.dump().section(u'\n', 1), QStringLiteral("<null>|\nann|\n<null>|\n|\n"));
    // With more columns a blank line is no row at all.
    TableImporter::import(temp.db(), writeFile(QStringLiteral("two.csv"), "a,b\n\n1,2\n\n"),
                          ImportOptions());
    QCOMPARE(
        SchemaReader::rowCount(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("two"))),
        1);
}

QTEST_GUILESS_MAIN(TestTableImporter)
#include "tst_TableImporter.moc"
