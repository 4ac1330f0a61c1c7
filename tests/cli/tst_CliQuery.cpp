#include "CliProcess.h"
#include "MockLlmServer.h"
#include "TempDatabase.h"
#include "import/CsvReader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

// rowforge-cli query against the sqlite3 shell on the same file: the same values, read-only
// unless --allow-writes, all or nothing with it, and errors that point at the SQL.
class TestCliQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsWhatSqlite3Prints();
    void writesAreRefusedUnlessAllowed();
    void allowedWritesAreAllOrNothing();
    void errorsPointAtTheSql();
    void jsonKeepsTypes();
    void askRunsTheModelsSelectAndRefusesAWrite();

private:
    using Run = CliProcess::Run;
    Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
            const QHash<QString, QString> &environment = {});
    Run query(const QString &db, const QStringList &arguments);
    static QList<ImportRecord> parse(const QByteArray &csv);
    static QByteArray fileHash(const QString &path);
    static QStringList hostileSchema();

    QString m_cli;
    QTemporaryDir m_home;
};

void TestCliQuery::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
    QVERIFY2(run(QStringLiteral("sqlite3"), {QStringLiteral("-version")}).exitCode == 0,
             "the sqlite3 shell is the reference (packaging/dev installs it)");
}

TestCliQuery::Run TestCliQuery::run(const QString &program, const QStringList &arguments,
                                    const QByteArray &input,
                                    const QHash<QString, QString> &environment)
{
    return CliProcess(m_home.path()).run(program, arguments, input, environment);
}

TestCliQuery::Run TestCliQuery::query(const QString &db, const QStringList &arguments)
{
    return run(m_cli, QStringList{QStringLiteral("query"), QStringLiteral("--db"), db} + arguments);
}

QList<ImportRecord> TestCliQuery::parse(const QByteArray &csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8, u',');
    QList<ImportRecord> records;
    ImportRecord record;
    while (reader.next(record))
        records << record;
    return records;
}

QByteArray TestCliQuery::fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

QStringList TestCliQuery::hostileSchema()
{
    return {QStringLiteral("CREATE TABLE \"we\"\"ird, tab\" (\"id\" INTEGER PRIMARY KEY, "
                           "\"na,me\" TEXT, \"quo\"\"te\" TEXT, \"größe ✓\" REAL, n INTEGER, "
                           "b BLOB)"),
            QStringLiteral("INSERT INTO \"we\"\"ird, tab\" VALUES "
                           "(1, 'plain', 'a \"quoted\" word', 0.1, 9007199254740993, x'00ff10'), "
                           "(2, '', NULL, 0.30000000000000004, -1, NULL), "
                           "(3, NULL, 'two\nlines, and a comma', 1e300, 0, x''), "
                           "(4, ' padded ', 'ünïcødé 漢字 🙂', -2.5, NULL, NULL), "
                           "(5, '=1+1', 'tab\there', 123456789.125, 42, NULL)")};
}

void TestCliQuery::printsWhatSqlite3Prints()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    const QStringList queries = {
        // BLOBs apart: sqlite3 prints their raw bytes (x'' as NULL); ours are checked below.
        QStringLiteral(
            "SELECT id, \"na,me\", \"quo\"\"te\", \"größe ✓\", n FROM \"we\"\"ird, tab\" "
            "ORDER BY id"),
        QStringLiteral("SELECT \"na,me\" AS \"a, b\", length(\"quo\"\"te\") AS len, "
                       "\"größe ✓\" * 2 AS twice, n IS NULL AS missing FROM \"we\"\"ird, tab\" "
                       "ORDER BY id DESC"),
        QStringLiteral("SELECT typeof(b), count(*) FROM \"we\"\"ird, tab\" GROUP BY 1 ORDER BY 1"),
        QStringLiteral("SELECT 1 AS one WHERE 0")};
    for (const QString &sql : queries) {
        const Run ours = query(temp.path(), {sql});
        QVERIFY2(ours.exitCode == 0, ours.err.constData());
        const Run shell =
            run(QStringLiteral("sqlite3"),
                {QStringLiteral("-csv"), QStringLiteral("-header"), temp.path(), sql});
        QVERIFY2(shell.exitCode == 0, shell.err.constData());
        const QList<ImportRecord> mine = parse(ours.out), theirs = parse(shell.out);
        // With no rows sqlite3 prints no header either; ours keeps the header.
        if (theirs.isEmpty()) {
            QCOMPARE(mine.size(), 1);
            continue;
        }
        QCOMPARE(mine.size(), theirs.size());
        for (qsizetype r = 0; r < mine.size(); ++r) {
            QCOMPARE(mine[r].size, theirs[r].size);
            for (int c = 0; c < mine[r].size; ++c) {
                const QString where =
                    QStringLiteral("%1: row %2, column %3").arg(sql).arg(r).arg(c);
                const QString a = mine[r].values[c], b = theirs[r].values[c];
                // NULL is an unquoted empty field in both, the empty string a quoted one.
                if (a == b) {
                    QVERIFY2(mine[r].kinds[c] == theirs[r].kinds[c], qPrintable(where));
                    continue;
                }
                // sqlite3 prints REALs to 15 digits; ours read back exactly (checked below).
                bool realA = false, realB = false;
                const double x = a.toDouble(&realA), y = b.toDouble(&realB);
                QVERIFY2(realA && realB && std::fabs(x - y) <= 1e-14 * std::fabs(y),
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(where, a, b)));
            }
        }
    }
    // REALs exactly as stored; BLOBs as base64 of their bytes.
    const Run exact = query(
        temp.path(),
        {QStringLiteral(
            "SELECT \"größe ✓\", b FROM \"we\"\"ird, tab\" WHERE id IN (1, 2, 3) ORDER BY id")});
    // An empty BLOB is "", not NULL (it was written as an empty unquoted field, read back NULL).
    QCOMPARE(exact.out, QByteArray("größe ✓,b\n0.1,AP8Q\n0.30000000000000004,\n1e+300,\"\"\n"));
}

void TestCliQuery::writesAreRefusedUnlessAllowed()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    const QByteArray before = fileHash(temp.path());
    const QString attached = temp.folder() + QStringLiteral("/new.sqlite");
    for (const QString &sql :
         {QStringLiteral("SELECT 1; DELETE FROM \"we\"\"ird, tab\""),
          QStringLiteral("UPDATE \"we\"\"ird, tab\" SET n = 0"),
          QStringLiteral("DROP TABLE \"we\"\"ird, tab\""), QStringLiteral("CREATE TABLE t (x)"),
          QStringLiteral("PRAGMA user_version = 7"),
          QStringLiteral("VACUUM INTO '%1'").arg(attached),
          QStringLiteral("ATTACH '%1' AS other").arg(attached)}) {
        const Run refused = query(temp.path(), {sql});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith("Refused") && refused.err.contains("--allow-writes"),
                 refused.err.constData());
        QVERIFY2(refused.out.isEmpty(), "nothing runs, not even the SELECT before");
    }
    QCOMPARE(fileHash(temp.path()), before);
    QVERIFY(!QFile::exists(attached));
    // A SELECT on its own runs; so does one read from standard input.
    QCOMPARE(
        query(temp.path(), {QStringLiteral("SELECT count(*) AS n FROM \"we\"\"ird, tab\"")}).out,
        QByteArray("n\n5\n"));
    QCOMPARE(run(m_cli,
                 {QStringLiteral("query"), QStringLiteral("--db"), temp.path(),
                  QStringLiteral("--format"), QStringLiteral("tsv"), QStringLiteral("-")},
                 "SELECT id, \"quo\"\"te\" FROM \"we\"\"ird, tab\" WHERE id IN (1, 5);")
                 .out,
             QByteArray("id\t\"quo\"\"te\"\n1\t\"a \"\"quoted\"\" word\"\n5\t\"tab\there\"\n"));
    QCOMPARE(fileHash(temp.path()), before);
}

void TestCliQuery::allowedWritesAreAllOrNothing()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    const QString table = QStringLiteral("\"we\"\"ird, tab\"");
    Run changed = query(temp.path(), {QStringLiteral("--allow-writes"),
                                      QStringLiteral("UPDATE %1 SET n = 7 WHERE id < 3; SELECT "
                                                     "sum(n) AS s FROM %1")
                                          .arg(table)});
    QVERIFY2(changed.exitCode == 0, changed.err.constData());
    QCOMPARE(changed.out, QByteArray("s\n56\n"));
    QVERIFY2(changed.err.contains("2 rows changed"), changed.err.constData());
    // The second statement fails: the first is rolled back with it.
    const QByteArray before = fileHash(temp.path());
    const Run failed =
        query(temp.path(), {QStringLiteral("--allow-writes"),
                            QStringLiteral("UPDATE %1 SET n = 0; INSERT INTO %1 (id) "
                                           "VALUES (1)")
                                .arg(table)});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("UNIQUE constraint failed"), failed.err.constData());
    QCOMPARE(fileHash(temp.path()), before);
}

void TestCliQuery::errorsPointAtTheSql()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    // "FORM" reads as an alias of id; the table name after it is the error.
    const Run typo = query(temp.path(), {QStringLiteral("SELECT id\n  FORM \"we\"\"ird, tab\"")});
    QCOMPARE(typo.exitCode, 1);
    QVERIFY2(typo.err.contains("syntax error") && typo.err.contains("line 2, column 8"),
             typo.err.constData());
    const Run column = query(temp.path(), {QStringLiteral("SELECT nope FROM \"we\"\"ird, tab\"")});
    QCOMPARE(column.exitCode, 1);
    QVERIFY2(column.err.contains("no such column: nope") && column.err.contains("column 8"),
             column.err.constData());
    QCOMPARE(query(temp.path(), {}).exitCode, 2);
    QCOMPARE(query(temp.path(),
                   {QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("SELECT 1")})
                 .exitCode,
             2);
}

void TestCliQuery::jsonKeepsTypes()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    const Run json =
        query(temp.path(), {QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("SELECT * FROM \"we\"\"ird, tab\" ORDER BY id")});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QJsonParseError error;
    const QJsonArray rows = QJsonDocument::fromJson(json.out, &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(rows.size(), 5);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first.value(QStringLiteral("quo\"te")).toString(),
             QStringLiteral("a \"quoted\" word"));
    QCOMPARE(first.value(QStringLiteral("größe ✓")).toDouble(), 0.1);
    QCOMPARE(first.value(QStringLiteral("b")).toString(), QStringLiteral("AP8Q"));
    // Integers are written whole, past a double's 2^53 too.
    QVERIFY(json.out.contains("\"n\":9007199254740993"));
    QVERIFY(rows[1].toObject().value(QStringLiteral("quo\"te")).isNull());
    QCOMPARE(rows[1].toObject().value(QStringLiteral("na,me")).toString(), QString());
    QCOMPARE(rows[2].toObject().value(QStringLiteral("quo\"te")).toString(),
             QStringLiteral("two\nlines, and a comma"));
    QCOMPARE(rows[3].toObject().value(QStringLiteral("quo\"te")).toString(),
             QStringLiteral("ünïcødé 漢字 🙂"));
    QCOMPARE(rows[4].toObject().value(QStringLiteral("quo\"te")).toString(),
             QStringLiteral("tab\there"));
    QCOMPARE(query(temp.path(), {QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("SELECT 1 AS one WHERE 0")})
                 .out,
             QByteArray("[]\n"));
}

void TestCliQuery::askRunsTheModelsSelectAndRefusesAWrite()
{
    TempDatabase temp(hostileSchema());
    temp.close();
    const QByteArray before = fileHash(temp.path());
    MockLlmServer server;
    auto answer = [](const QString &sql) {
        return MockLlmServer::openAiText(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("sql"), sql},
                                      {QStringLiteral("explanation"),
                                       QStringLiteral("Counts the rows with a positive n.")}})
                .toJson(QJsonDocument::Compact)));
    };
    const QString select =
        QStringLiteral("SELECT count(*) AS positive FROM \"we\"\"ird, tab\" WHERE n > 0");
    server.enqueue(answer(select));
    server.enqueue(answer(select));
    server.enqueue(answer(QStringLiteral("DELETE FROM \"we\"\"ird, tab\" WHERE n > 0")));
    server.enqueue(answer(QStringLiteral("SELECT nope FROM \"we\"\"ird, tab\"")));
    const QHash<QString, QString> env{
        {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-ask")},
        {QStringLiteral("OPENAI_BASE_URL"), server.baseUrl() + QStringLiteral("/v1")}};
    const QString question = QStringLiteral("How many rows have a positive n?");
    auto ask = [&](const QStringList &options) {
        return run(m_cli,
                   QStringList{QStringLiteral("ask"), QStringLiteral("--db"), temp.path()} +
                       options + QStringList{question},
                   {}, env);
    };

    // Printed, not run; the model saw the schema and the question, and no stored value.
    const Run printed = ask({});
    QVERIFY2(printed.exitCode == 0, printed.err.constData());
    QCOMPARE(printed.out, select.toUtf8() + '\n');
    QVERIFY(printed.err.contains("-- Counts the rows"));
    const QJsonObject sent = server.requests().first().json();
    const QString prompt = QString::fromUtf8(QJsonDocument(sent).toJson());
    QVERIFY(prompt.contains(QStringLiteral("CREATE TABLE \\\"we\\\"\\\"ird, tab\\\"")));
    QVERIFY(prompt.contains(question));
    QVERIFY2(!prompt.contains(QStringLiteral("a \\\"quoted\\\" word")), "no row is sent");
    const QJsonObject format = sent.value(QStringLiteral("response_format"))
                                   .toObject()
                                   .value(QStringLiteral("json_schema"))
                                   .toObject();
    QCOMPARE(format.value(QStringLiteral("strict")).toBool(), true);
    QCOMPARE(format.value(QStringLiteral("name")).toString(), QStringLiteral("query"));

    // Run: the SQL on stderr, its result on stdout.
    const Run ran = ask({QStringLiteral("--run")});
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(ran.out, QByteArray("positive\n2\n"));
    QVERIFY(ran.err.startsWith(select.toUtf8()));

    // A model that answers with a write is refused, run or not; so is SQL that does not prepare.
    const Run write = ask({QStringLiteral("--run")});
    QCOMPARE(write.exitCode, 1);
    QVERIFY2(write.err.contains("would change the database") && write.err.contains("DELETE FROM"),
             write.err.constData());
    QVERIFY(write.out.isEmpty());
    const Run broken = ask({});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("no such column: nope"), broken.err.constData());
    QCOMPARE(server.requests().size(), 4);
    QCOMPARE(fileHash(temp.path()), before);

    // Rows go to the model only when the user says so.
    server.enqueue(answer(select));
    QCOMPARE(ask({QStringLiteral("--share"), QStringLiteral("rows")}).exitCode, 0);
    QVERIFY(QString::fromUtf8(server.requests().last().body)
                .contains(QStringLiteral("Sample rows of we\\\"ird, tab")));

    // No model set up: what to do, Ollama included.
    const Run none =
        run(m_cli, {QStringLiteral("ask"), QStringLiteral("--db"), temp.path(), question});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("OPENAI_API_KEY") && none.err.contains("Ollama"),
             none.err.constData());
}

QTEST_GUILESS_MAIN(TestCliQuery)
#include "tst_CliQuery.moc"
