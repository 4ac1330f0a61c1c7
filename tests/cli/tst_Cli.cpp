#include "CliProcess.h"
#include "MockLlmServer.h"
#include "TempDatabase.h"
#include "TestFiles.h"
#include "db/DatabaseConnection.h"
#include "db/SqlExec.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

// Runs the real rowforge-cli binary (path from CTest's ROWFORGE_CLI) against real files.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tablesListsNameRowsColumns();
    void tablesDefaultsToSeededDefaultDatabase();
    void missingDatabaseIsUserError();
    void notADatabaseIsUserError();
    void helpAndVersion();
    void badUsage_data();
    void badUsage();
    void importPrintsOneLinePerFile();
    void importOptions();
    void importReplaceKeepsOtherTablesRows();
    void exportToAFullDiskFails();
    void importWaitsForAnotherWriter();
    void noWritesIntoADamagedDatabase();
    void importErrorNamesFileAndLineAndWritesNothing();
    void importBadUsage_data();
    void importBadUsage();
    void generateAgainstMockServer();
    void localServerModelsAndContext();
    void generateWithoutKeyOrWithBadKey();
    void offlineSeedRecipeAndReport();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QHash<QString, QString> &environment = {});
    QString writeFile(const QString &name, const QByteArray &bytes);
    QString m_cli;
    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
}

TestCli::Result TestCli::run(const QStringList &arguments,
                             const QHash<QString, QString> &environment)
{
    const CliProcess::Run done = CliProcess(m_home.path()).run(m_cli, arguments, {}, environment);
    return {done.exitCode, QString::fromUtf8(done.out), QString::fromUtf8(done.err)};
}

void TestCli::tablesListsNameRowsColumns()
{
    TempDatabase temp({
        QStringLiteral("CREATE TABLE \"x; DROP TABLE y;--\" (a, b, c)"),
        QStringLiteral("INSERT INTO \"x; DROP TABLE y;--\" VALUES (1, 2, 3), (4, 5, 6)"),
        QStringLiteral("CREATE TABLE \"名前\" (id INTEGER PRIMARY KEY)"),
        QStringLiteral("CREATE VIEW v AS SELECT a FROM \"x; DROP TABLE y;--\""),
    });
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), temp.path()});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, QStringLiteral("v\t2\t1\nx; DROP TABLE y;--\t2\t3\n名前\t0\t1\n"));
}

void TestCli::tablesDefaultsToSeededDefaultDatabase()
{
    const Result result = run({QStringLiteral("tables")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("customers\t200\t11\n")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("orders\t600\t8\n")), qPrintable(result.out));
    QVERIFY(
        QFile::exists(m_home.filePath(QStringLiteral("data/Rowforge/rowforge/rowforge.sqlite"))));
}

void TestCli::missingDatabaseIsUserError()
{
    const QString path = m_home.filePath(QStringLiteral("typo.sqlite"));
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QCOMPARE(result.err, QStringLiteral("Database file not found: %1\n").arg(path));
    QVERIFY(!QFile::exists(path));
}

void TestCli::notADatabaseIsUserError()
{
    const QString path = m_home.filePath(QStringLiteral("text.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200, 'x'));
    file.close();
    const Result result = run({QStringLiteral("tables"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(path) && result.err.count(u'\n') == 1, qPrintable(result.err));
}

void TestCli::helpAndVersion()
{
    Result result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("Usage: rowforge-cli <command>")));
    QVERIFY(result.out.contains(QLatin1String("tables")));
    result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("rowforge-cli %1\n").arg(QLatin1String(ROWFORGE_VERSION)));
    result = run({QStringLiteral("tables"), QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("--db <FILE>")));
    // The usage line names the command, not the program's path.
    result = run({QStringLiteral("generate"), QStringLiteral("--help")});
    QVERIFY2(result.out.startsWith(QLatin1String("Usage: rowforge-cli generate [options]")),
             qPrintable(result.out.section(u'\n', 0, 0)));
}

void TestCli::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList() << "Usage: rowforge-cli";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command: frobnicate";
    QTest::newRow("unknown option") << QStringList{"tables", "--bogus"} << "bogus";
    QTest::newRow("missing option value") << QStringList{"tables", "--db"} << "db";
    QTest::newRow("stray argument") << QStringList{"tables", "extra"} << "extra";
}

void TestCli::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QString TestCli::writeFile(const QString &name, const QByteArray &bytes)
{
    return TestFiles::write(m_home.path(), name, bytes);
}

void TestCli::importPrintsOneLinePerFile()
{
    const QString db = m_home.filePath(QStringLiteral("imports.sqlite"));
    const QString a = writeFile(QStringLiteral("Monthly Sales.csv"), "id,amount\n1,2.5\n2,3\n");
    const QString b =
        writeFile(QStringLiteral("events.jsonl"), "{\"k\":1}\n{\"k\":2}\n{\"k\":3}\n");
    const Result result = run({QStringLiteral("import"), QStringLiteral("--db"), db, a, b});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QString()); // no progress when stderr is not a terminal
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QRegularExpression line(QStringLiteral("^([^\\t]+)\\t(\\d+)\\t\\d+\\.\\d{3}$"));
    QCOMPARE(line.match(lines[0]).captured(1), QStringLiteral("monthly_sales"));
    QCOMPARE(line.match(lines[0]).captured(2), QStringLiteral("2"));
    QCOMPARE(line.match(lines[1]).captured(1), QStringLiteral("events"));
    QCOMPARE(line.match(lines[1]).captured(2), QStringLiteral("3"));
    const Result tables = run({QStringLiteral("tables"), QStringLiteral("--db"), db});
    QCOMPARE(tables.out, QStringLiteral("events\t3\t1\nmonthly_sales\t2\t2\n"));
}

void TestCli::importOptions()
{
    const QString db = m_home.filePath(QStringLiteral("options.sqlite"));
    const QString pipes = writeFile(QStringLiteral("p.txt"), "1|caf\xE9\n2|cr\xE8me\n");
    Result result =
        run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("t"), QStringLiteral("--delimiter"), QStringLiteral("|"),
             QStringLiteral("--no-header"), QStringLiteral("--encoding"),
             QStringLiteral("windows-1252"), pipes});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(QLatin1String("t\t2\t")), qPrintable(result.out + result.err));
    {
        DatabaseConnection connection(db);
        QCOMPARE(SqlExec::scalar(connection.database(),
                                 QStringLiteral("SELECT column_2 FROM t WHERE column_1 = 1"))
                     .toString(),
                 QStringLiteral("café"));
    }
    // An explicit table that exists: fail by default, then append, then replace.
    result = run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("t"), QStringLiteral("--delimiter"), QStringLiteral("|"),
                  QStringLiteral("--no-header"), pipes});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("already exists")), qPrintable(result.err));
    const QString more = writeFile(QStringLiteral("more.tsv"), "column_1\tcolumn_2\n3\tx\n");
    result =
        run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("t"), QStringLiteral("--if-exists"), QStringLiteral("append"), more});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("t\t3\t2\n"));
    result =
        run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("t"), QStringLiteral("--if-exists"), QStringLiteral("replace"), more});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("t\t1\t2\n"));
}

void TestCli::importReplaceKeepsOtherTablesRows()
{
    // Replacing a parent table once deleted every child row through ON DELETE CASCADE and
    // exited 0. Now it is refused, and every row stays.
    const QString db = m_home.filePath(QStringLiteral("cascade.sqlite"));
    {
        TempDatabase setup({QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name)"),
                            QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, "
                                           "customer_id REFERENCES customers (id) ON DELETE "
                                           "CASCADE)"),
                            QStringLiteral("INSERT INTO customers VALUES (1, 'Ann')"),
                            QStringLiteral("INSERT INTO orders VALUES (1, 1), (2, 1), (3, 1)")});
        SqlExec::exec(setup.db(), QStringLiteral("VACUUM INTO ?"), {db});
    }
    const Result result =
        run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("customers"), QStringLiteral("--if-exists"), QStringLiteral("replace"),
             writeFile(QStringLiteral("customers.csv"), "name\nBo\n")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("\"orders\" (customer_id) references it")),
             qPrintable(result.err));
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("customers\t1\t2\norders\t3\t2\n"));
}

void TestCli::noWritesIntoADamagedDatabase()
{
    // With the table's root page overwritten, `generate` inserted and exited 0, and an import
    // blamed the CSV file. Now both refuse, blame the database, and leave the file as it was.
    // Damage deeper in the table is found by the full check of an offline run.
    for (const qint64 damagedPage : {2, 12}) {
        const QString db = m_home.filePath(QStringLiteral("damaged-%1.sqlite").arg(damagedPage));
        {
            TempDatabase setup({QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name "
                                               "TEXT, n INTEGER)"),
                                QStringLiteral("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT "
                                               "i + 1 FROM k WHERE i < 5000) INSERT INTO t (name, "
                                               "n) SELECT 'name ' || i, i FROM k")});
            SqlExec::exec(setup.db(), QStringLiteral("VACUUM INTO ?"), {db});
        }
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((damagedPage - 1) * 4096));
        file.write(QByteArray(4096, '\xab'));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        Result result =
            run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                 QStringLiteral("t"), QStringLiteral("--rows"), QStringLiteral("100"),
                 QStringLiteral("--provider"), QStringLiteral("offline")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith(QLatin1String("The database is damaged (")) &&
                     result.err.contains(QLatin1String("nothing was written")),
                 qPrintable(result.err));
        if (damagedPage == 2) {
            result = run({QStringLiteral("import"), QStringLiteral("--db"), db,
                          QStringLiteral("--table"), QStringLiteral("t"),
                          QStringLiteral("--if-exists"), QStringLiteral("append"),
                          writeFile(QStringLiteral("more.csv"), "name,n\nx,1\n")});
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.startsWith(QLatin1String("The database is damaged (")),
                     qPrintable(result.err));
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == before);
    }
}

void TestCli::importWaitsForAnotherWriter()
{
    // Another program holds the write lock for 6 s, past SQLite's 5 s busy timeout: the import
    // used to fail with a bare "database is locked"; now it says it waits, then succeeds.
    const QString db = m_home.filePath(QStringLiteral("busy.sqlite"));
    QVERIFY(run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                 QStringLiteral("first"), writeFile(QStringLiteral("first.csv"), "a\n1\n")})
                .exitCode == 0);
    DatabaseConnection holder(db);
    SqlExec::exec(holder.database(), QStringLiteral("BEGIN IMMEDIATE"));
    SqlExec::exec(holder.database(), QStringLiteral("INSERT INTO first VALUES (2)"));
    QTimer::singleShot(6000,
                       [&holder] { SqlExec::exec(holder.database(), QStringLiteral("COMMIT")); });
    const Result result =
        run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("second"), writeFile(QStringLiteral("second.csv"), "b\n3\n")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.startsWith(QStringLiteral("Waiting for another program to finish writing "
                                                  "to ")),
             qPrintable(result.err));
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("first\t2\t1\nsecond\t1\t1\n"));
}

void TestCli::exportToAFullDiskFails()
{
    // `export > /dev/full` exited 0 with the output lost: the last flush was not checked.
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start(
        m_cli, {QStringLiteral("export"), QStringLiteral("--table"), QStringLiteral("customers")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(process.readAllStandardError().startsWith("Cannot write standard output: No space"),
             "the error does not say the disk is full");
}

void TestCli::importErrorNamesFileAndLineAndWritesNothing()
{
    const QString db = m_home.filePath(QStringLiteral("errors.sqlite"));
    const QString good = writeFile(QStringLiteral("good.csv"), "a\n1\n");
    const QString bad = writeFile(QStringLiteral("bad.csv"), "a,b\n1,2\n3,\"oops\n");
    const Result result = run({QStringLiteral("import"), QStringLiteral("--db"), db, good, bad});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.startsWith(QLatin1String("good\t1\t"))); // files before the error landed
    QCOMPARE(result.err, QStringLiteral("bad.csv: line 3: unterminated quoted field (a \" is never "
                                        "closed)\n"));
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("good\t1\t1\n"));

    // A failed import changes nothing: not the journal mode of an existing database (it was
    // switched to WAL first), and into a new path it leaves no file (it left an empty one).
    auto journalByte = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(20).at(18) : char(-1);
    };
    const QString plain = m_home.filePath(QStringLiteral("rollback.sqlite"));
    {
        TempDatabase setup({QStringLiteral("CREATE TABLE kept (v)")});
        SqlExec::exec(setup.db(), QStringLiteral("VACUUM INTO ?"), {plain});
    }
    QCOMPARE(journalByte(plain), char(1)); // rollback journal
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"), plain, bad}).exitCode, 1);
    QCOMPARE(journalByte(plain), char(1));
    const QString fresh = m_home.filePath(QStringLiteral("never.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"), fresh, bad}).exitCode, 1);
    QVERIFY(!QFileInfo::exists(fresh));
    QVERIFY(QDir(m_home.path()).entryList({QStringLiteral("never.sqlite*")}).isEmpty());
}

void TestCli::importBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{"import"} << "at least one FILE";
    QTest::newRow("bad mode") << QStringList{"import", "--if-exists", "merge", "x.csv"} << "merge";
    QTest::newRow("long delimiter")
        << QStringList{"import", "--delimiter", "ab", "x.csv"} << "one character";
    QTest::newRow("bad encoding") << QStringList{"import", "--encoding", "ebcdic", "x.csv"}
                                  << "ebcdic";
    QTest::newRow("bad ragged") << QStringList{"import", "--ragged", "fix", "x.csv"} << "fix";
    QTest::newRow("header twice") << QStringList{"import", "--header", "--no-header", "x.csv"}
                                  << "exclude";
    QTest::newRow("empty table name")
        << QStringList{"import", "--table", "", "x.csv"} << "--table needs a name";
}

void TestCli::importBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::generateAgainstMockServer()
{
    const QString db = m_home.filePath(QStringLiteral("generate.sqlite"));
    QVERIFY(run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                 QStringLiteral("people"),
                 writeFile(QStringLiteral("people.csv"), "name,age\nAnn,30\nBo,41\n")})
                .exitCode == 0);
    MockLlmServer server;
    const QJsonArray rows{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Cy")}, {QStringLiteral("age"), 25}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Di")}, {QStringLiteral("age"), 52}}};
    server.enqueue(MockLlmServer::openAiRows(rows));
    server.enqueue(MockLlmServer::openAiRows(
        {QJsonObject{{QStringLiteral("name"), QStringLiteral("Fay")}, {QStringLiteral("age"), 61}},
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Gil")},
                     {QStringLiteral("age"), 19}}}));
    server.enqueue(MockLlmServer::openAiRows({QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Ed")}, {QStringLiteral("age"), 33}}}));
    const QHash<QString, QString> env{
        {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-cli")},
        {QStringLiteral("OPENAI_BASE_URL"), server.baseUrl() + QStringLiteral("/v1")}};
    Result result =
        run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("people"), QStringLiteral("--rows"), QStringLiteral("2")},
            env);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.err, QString()); // no log noise on stderr
    QVERIFY2(result.out.startsWith(QStringLiteral("Added 2 rows to people · OpenAI gpt-4.1-mini")),
             qPrintable(result.out + result.err));
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer sk-cli"));

    result = run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("people"), QStringLiteral("--rows"), QStringLiteral("2"),
                  QStringLiteral("--json"), QStringLiteral("--model"), QStringLiteral("gpt-test")},
                 env);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("table")).toString(), QStringLiteral("people"));
    QCOMPARE(json.value(QStringLiteral("requested")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("inserted")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("provider")).toString(), QStringLiteral("OpenAI"));
    QCOMPARE(json.value(QStringLiteral("input_tokens")).toInt(), 512);
    QCOMPARE(json.value(QStringLiteral("output_tokens")).toInt(), 300);
    QVERIFY(json.contains(QStringLiteral("model")) && json.contains(QStringLiteral("seconds")));
    QCOMPARE(server.requests()[1].json().value(QStringLiteral("model")).toString(),
             QStringLiteral("gpt-test"));

    result = run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("people"), QStringLiteral("--rows"), QStringLiteral("1"),
                  QStringLiteral("--dry-run")},
                 env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).array(),
             (QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Ed")},
                                     {QStringLiteral("age"), 33}}}));
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("people\t6\t2\n"));
}

void TestCli::localServerModelsAndContext()
{
    // A local server: `models` lists what it offers; generate sizes requests to the context
    // window named by --context (or OLLAMA_CONTEXT_LENGTH), and says what to set when even the
    // prompt does not fit.
    MockLlmServer server;
    server.setModels({QStringLiteral("llama3.2"), QStringLiteral("Mistral")});
    const QString base = server.baseUrl() + QStringLiteral("/v1");
    Result result = run({QStringLiteral("models"), QStringLiteral("--provider"),
                         QStringLiteral("openai-compatible"), QStringLiteral("--base-url"), base},
                        {{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-never-local")}});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("llama3.2\nMistral\n"));
    QCOMPARE(server.requests().last().headers.value("authorization"), QByteArray("Bearer local"));
    result = run({QStringLiteral("models"), QStringLiteral("--provider"),
                  QStringLiteral("openai-compatible"), QStringLiteral("--base-url"),
                  QStringLiteral("http://127.0.0.1:9/v1")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith(QLatin1String("Cannot reach OpenAI-compatible server")),
             qPrintable(result.err));

    const QString db = m_home.filePath(QStringLiteral("local.sqlite"));
    QByteArray csv = "name,city,age,note\n";
    for (int i = 0; i < 30; ++i)
        csv += "Person " + QByteArray::number(i) + ",Oslo," + QByteArray::number(20 + i) +
               ",a note of some length " + QByteArray::number(i) + "\n";
    QVERIFY(run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                 QStringLiteral("people"), writeFile(QStringLiteral("local.csv"), csv)})
                .exitCode == 0);
    server.answerFromSchema();
    server.setContextWindow(2048);
    const QStringList generate{QStringLiteral("generate"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--table"),
                               QStringLiteral("people"),
                               QStringLiteral("--provider"),
                               QStringLiteral("openai-compatible"),
                               QStringLiteral("--base-url"),
                               base,
                               QStringLiteral("--rows"),
                               QStringLiteral("40")};
    result = run(generate + QStringList{QStringLiteral("--context"), QStringLiteral("2048")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(QLatin1String("Added 40 rows to people")),
             qPrintable(result.out));
    QCOMPARE(server.contextOverflows(), 0);
    result = run(generate, {{QStringLiteral("OLLAMA_CONTEXT_LENGTH"), QStringLiteral("2048")}});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(server.contextOverflows(), 0);
    const qsizetype before = server.requests().size();
    result = run(generate + QStringList{QStringLiteral("--context"), QStringLiteral("300")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("OLLAMA_CONTEXT_LENGTH")), qPrintable(result.err));
    QCOMPARE(server.requests().size(), before);
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("people\t110\t4\n"));
}

void TestCli::offlineSeedRecipeAndReport()
{
    const QString db = m_home.filePath(QStringLiteral("offline.sqlite"));
    QByteArray csv = "city,country,amount,day\n";
    const char *places[][2] = {{"Berlin", "Germany"}, {"Paris", "France"}, {"Oslo", "Norway"}};
    for (int i = 0; i < 60; ++i)
        csv += QByteArray(places[i % 3][0]) + ',' + places[i % 3][1] + ',' +
               QByteArray::number(10 + (i * 37) % 90) + ".5,2024-01-" +
               QByteArray::number(10 + i % 20) + '\n';
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"), db,
                  writeFile(QStringLiteral("sales.csv"), csv)})
                 .exitCode,
             0);
    const QStringList dryRun{
        QStringLiteral("generate"), QStringLiteral("--db"),       db,
        QStringLiteral("--table"),  QStringLiteral("sales"),      QStringLiteral("--rows"),
        QStringLiteral("5"),        QStringLiteral("--provider"), QStringLiteral("offline"),
        QStringLiteral("--seed"),   QStringLiteral("42"),         QStringLiteral("--dry-run")};
    const Result first = run(dryRun);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(first.out.toUtf8()).array().size(), 5);
    QCOMPARE(run(dryRun).out, first.out);
    const QString recipeFile = m_home.filePath(QStringLiteral("sales.recipe.json"));
    Result result =
        run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
             QStringLiteral("sales"), QStringLiteral("--rows"), QStringLiteral("2000"),
             QStringLiteral("--mode"), QStringLiteral("offline"), QStringLiteral("--save-recipe"),
             recipeFile, QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(summary.value(QLatin1String("inserted")).toInt(), 2000);
    QCOMPARE(summary.value(QLatin1String("mode")).toString(), QStringLiteral("offline"));
    const QJsonObject fidelity = summary.value(QLatin1String("fidelity")).toObject();
    QCOMPARE(fidelity.value(QLatin1String("category_adherence")).toDouble(), 1.0);
    QVERIFY(fidelity.value(QLatin1String("column_shapes")).toDouble() >= 0.85);
    QVERIFY(QFile::exists(recipeFile));
    // The saved recipe runs again from the file.
    result = run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("sales"), QStringLiteral("--recipe"), recipeFile});
    QCOMPARE(result.exitCode, 0);
    result = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("sales"), QStringLiteral("--since-rowid"), QStringLiteral("60"),
                  QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(report.value(QLatin1String("real_rows")).toInt(), 60);
    QCOMPARE(report.value(QLatin1String("synthetic_rows")).toInt(), 2010);
    // Exact copies never happen; NewRowSynthesis also counts rows within 1% as matches.
    QVERIFY(report.value(QLatin1String("new_row_synthesis")).toDouble() >= 0.95);
    result = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("sales"), QStringLiteral("--since-rowid"), QStringLiteral("60")});
    QVERIFY2(result.out.startsWith(QLatin1String("Compared 2010 new rows with 60 existing rows: "
                                                 "shapes ")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("country")));
    QCOMPARE(run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("sales"), QStringLiteral("--mode"), QStringLiteral("magic")})
                 .exitCode,
             2);
}

void TestCli::generateWithoutKeyOrWithBadKey()
{
    const QString db = m_home.filePath(QStringLiteral("nokey.sqlite"));
    run({QStringLiteral("import"), QStringLiteral("--db"), db,
         writeFile(QStringLiteral("t.csv"), "v\n1.25\n7.5\n30.75\n")});
    // Without a key, auto generates offline.
    Result result = run({QStringLiteral("generate"), QStringLiteral("--db"), db,
                         QStringLiteral("--table"), QStringLiteral("t")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(QStringLiteral("Added 10 rows to t · Offline · ")),
             qPrintable(result.out));
    QCOMPARE(run({QStringLiteral("tables"), QStringLiteral("--db"), db}).out,
             QStringLiteral("t\t13\t1\n"));
    MockLlmServer server;
    server.enqueue(MockLlmServer::error(
        401, R"({"type":"error","error":{"type":"authentication_error","message":"bad"}})"));
    result = run({QStringLiteral("generate"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                  QStringLiteral("t"), QStringLiteral("--provider"), QStringLiteral("anthropic")},
                 {{QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("bad")},
                  {QStringLiteral("ANTHROPIC_BASE_URL"), server.baseUrl()}});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err,
             QStringLiteral(
                 "Anthropic rejected the API key (401) — open Generation Settings to fix it.\n"));
    QCOMPARE(run({QStringLiteral("generate"), QStringLiteral("--table"), QStringLiteral("t"),
                  QStringLiteral("--rows"), QStringLiteral("0")})
                 .exitCode,
             2);
    QCOMPARE(run({QStringLiteral("generate"), QStringLiteral("--table"), QStringLiteral("t"),
                  QStringLiteral("--provider"), QStringLiteral("magic")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
