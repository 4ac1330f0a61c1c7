#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "export/ExportCancelled.h"
#include "export/TableExporter.h"
#include "import/TableImporter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtTest>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

class TestTableExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotingNullsAndNumbers();
    void options();
    void viewsAndHostileNames();
    void errorsLeaveExistingFileAlone();
    void cancelWritesNoFile();
    void fifosDevicesAndHardLinksAreWrittenInPlace();
    void aFullDiskIsAnError();
    void roundTripProperty();

private:
    static QByteArray exportBytes(TempDatabase &temp, const QString &table,
                                  const ExportOptions &options = {});
    static QList<QStringList> quotedRows(QSqlDatabase &db, const QString &table);
};

QByteArray TestTableExporter::exportBytes(TempDatabase &temp, const QString &table,
                                          const ExportOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    TableExporter::exportToDevice(temp.db(), table, buffer, options);
    return bytes;
}

// Every value as SQLite's quote() renders it: type and value, NULL distinct from ''.
QList<QStringList> TestTableExporter::quotedRows(QSqlDatabase &db, const QString &table)
{
    const TableInfo info = SchemaReader::require(db, table);
    QStringList quoted;
    for (const ColumnInfo &column : info.columns)
        quoted << QStringLiteral("quote(%1)").arg(SqlIdentifier::quote(column.name));
    QSqlQuery query = SqlExec::exec(db, QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid")
                                            .arg(quoted.join(u','), SqlIdentifier::quote(table)));
    QList<QStringList> rows;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < info.columns.size(); ++i)
            row << query.value(i).toString();
        rows << row;
    }
    return rows;
}

void TestTableExporter::quotingNullsAndNumbers()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)"),
                       QStringLiteral("INSERT INTO t VALUES (-9223372036854775808, 3.0, 'a,b', "
                                      "x'00ff'), (42, 0.1, '', NULL), (NULL, 1e20, ' lead', NULL), "
                                      "(0, 2.5e-7, 'say \"hi\"', NULL), (1, -0.5, 'line1' || "
                                      "char(13, 10) || 'line2', NULL), (2, 1.5, 'trail ', x''), "
                                      "(3, 123456.789, 'plain', NULL)")});
    QCOMPARE(exportBytes(temp, QStringLiteral("t")),
             QByteArray("i,r,s,b\n"
                        "-9223372036854775808,3.0,\"a,b\",AP8=\n"
                        "42,0.1,\"\",\n"
                        ",1e+20,\" lead\",\n"
                        "0,2.5e-07,\"say \"\"hi\"\"\",\n"
                        "1,-0.5,\"line1\r\nline2\",\n"
                        "2,1.5,\"trail \",\"\"\n" // an empty BLOB is not NULL
                        "3,123456.789,plain,\n"));
}

void TestTableExporter::options()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a TEXT, b TEXT)"),
                       QStringLiteral("INSERT INTO t VALUES ('x;y', NULL), ('NULL', 'z,z')")});
    ExportOptions options;
    options.delimiter = u';';
    options.header = false;
    options.crlf = true;
    options.nullText = QStringLiteral("NULL");
    options.bom = true;
    // The text "NULL" is quoted so it stays apart from the NULL marker; "z,z" needs no quotes.
    QCOMPARE(exportBytes(temp, QStringLiteral("t"), options),
             QByteArray("\xEF\xBB\xBF\"x;y\";NULL\r\n\"NULL\";z,z\r\n"));
}

void TestTableExporter::viewsAndHostileNames()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE \"x\"\"; DROP TABLE y;--\" (\"a,b\" TEXT, "
                                      "\"名前\" INTEGER)"),
                       QStringLiteral("INSERT INTO \"x\"\"; DROP TABLE y;--\" VALUES ('v', 1)"),
                       QStringLiteral("CREATE VIEW \"my view\" AS SELECT \"名前\" * 2 AS twice "
                                      "FROM \"x\"\"; DROP TABLE y;--\"")});
    QCOMPARE(exportBytes(temp, QStringLiteral("x\"; DROP TABLE y;--")),
             QByteArray("\"a,b\",名前\nv,1\n"));
    QCOMPARE(exportBytes(temp, QStringLiteral("my view")), QByteArray("twice\n2\n"));
}

void TestTableExporter::errorsLeaveExistingFileAlone()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (v)"), QStringLiteral("INSERT INTO t VALUES (1)")});
    const QString path = temp.folder() + QStringLiteral("/out.csv");
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("precious\n");
    existing.close();
    try {
        TableExporter::exportToFile(temp.db(), QStringLiteral("missing"), path, ExportOptions());
        QFAIL("a missing table was exported");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("\"missing\"")),
                 qPrintable(error.message()));
    }
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("precious\n"));
    existing.close();
    const QString unwritable = temp.folder() + QStringLiteral("/no/such/folder/out.csv");
    try {
        TableExporter::exportToFile(temp.db(), QStringLiteral("t"), unwritable, ExportOptions());
        QFAIL("wrote into a folder that does not exist");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QStringLiteral("Cannot write %1").arg(unwritable)),
                 qPrintable(error.message()));
    }
    QCOMPARE(TableExporter::exportToFile(temp.db(), QStringLiteral("t"), path, ExportOptions()), 1);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("v\n1\n"));
}

void TestTableExporter::cancelWritesNoFile()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (v)"),
         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 50000) INSERT INTO t SELECT i FROM n")});
    const QString path = temp.folder() + QStringLiteral("/cancelled.csv");
    qint64 lastTotal = 0;
    QVERIFY_THROWS_EXCEPTION(ExportCancelled, TableExporter::exportToFile(
                                                  temp.db(), QStringLiteral("t"), path,
                                                  ExportOptions(), [&](qint64 done, qint64 total) {
                                                      lastTotal = total;
                                                      return done < 20000;
                                                  }));
    QCOMPARE(lastTotal, 50000);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(temp.folder()).entryList(QDir::Files).filter(QStringLiteral("cancelled")),
             QStringList());
}

// For random tables — every affinity, NULLs, empty strings, quotes, delimiters, line breaks,
// spaces, Unicode, hostile names — export then import (appending into a table with the same
// schema) gives the same rows: same values, same types, same NULLs.
void TestTableExporter::fifosDevicesAndHardLinksAreWrittenInPlace()
{
    // The export used to write a temporary file and rename it over the target: a FIFO became
    // a regular file, and a hard link was split from its other name.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)"),
                       QStringLiteral("INSERT INTO t VALUES ('a'), ('b')")});
    const QByteArray expected = "v\na\nb\n";
    const QString fifo = temp.folder() + QStringLiteral("/pipe");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&] {
        QFile in(fifo);
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    TableExporter::exportToFile(temp.db(), QStringLiteral("t"), fifo, ExportOptions());
    reader.join();
    QCOMPARE(received, expected);
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));

    const QString first = temp.folder() + QStringLiteral("/first.csv");
    const QString second = temp.folder() + QStringLiteral("/second.csv");
    QFile old(first);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents, longer than the export that replaces them\n");
    old.close();
    QCOMPARE(::link(QFile::encodeName(first).constData(), QFile::encodeName(second).constData()),
             0);
    TableExporter::exportToFile(temp.db(), QStringLiteral("t"), first, ExportOptions());
    QFile other(second);
    QVERIFY(other.open(QIODevice::ReadOnly));
    QCOMPARE(other.readAll(), expected);
    QCOMPARE(::stat(QFile::encodeName(first).constData(), &info), 0);
    QCOMPARE(int(info.st_nlink), 2);

    // A single-named regular file is still replaced atomically (a new inode).
    const QString single = temp.folder() + QStringLiteral("/single.csv");
    QFile(single).open(QIODevice::WriteOnly);
    QCOMPARE(::stat(QFile::encodeName(single).constData(), &info), 0);
    const ino_t before = info.st_ino;
    TableExporter::exportToFile(temp.db(), QStringLiteral("t"), single, ExportOptions());
    QCOMPARE(::stat(QFile::encodeName(single).constData(), &info), 0);
    QVERIFY(info.st_ino != before);
}

void TestTableExporter::aFullDiskIsAnError()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v)"),
                       QStringLiteral("INSERT INTO t VALUES ('a'), ('b')")});
    try {
        TableExporter::exportToFile(temp.db(), QStringLiteral("t"), QStringLiteral("/dev/full"),
                                    ExportOptions());
        QFAIL("writing to a full device succeeded");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QLatin1String("Cannot write /dev/full: ")) &&
                     error.message().contains(QLatin1String("space")),
                 qPrintable(error.message()));
    }
    QVERIFY(QFileInfo(QStringLiteral("/dev/full")).isFile() == false);
}

void TestTableExporter::roundTripProperty()
{
    QRandomGenerator random(20261124);
    const QStringList hostileNames{QStringLiteral("plain"),
                                   QStringLiteral("a\"b"),
                                   QStringLiteral("x; DROP TABLE y;--"),
                                   QStringLiteral("select"),
                                   QStringLiteral("名前"),
                                   QStringLiteral("first name"),
                                   QStringLiteral("a,b"),
                                   QStringLiteral("line\nbreak")};
    const QStringList pieces{QStringLiteral("a"),  QStringLiteral(","),    QStringLiteral("\""),
                             QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral(" "),
                             QStringLiteral("é"),  QStringLiteral("日本"), QStringLiteral("🙂"),
                             QStringLiteral(";"),  QStringLiteral("NULL"), QStringLiteral("x"),
                             QStringLiteral("\t"), QStringLiteral("'")};
    const QStringList types{QStringLiteral("INTEGER"),     QStringLiteral("REAL"),
                            QStringLiteral("TEXT"),        QStringLiteral("NUMERIC"),
                            QStringLiteral("VARCHAR(20)"), QStringLiteral("DOUBLE"),
                            QStringLiteral("BIGINT")};
    for (int round = 0; round < 25; ++round) {
        TempDatabase temp;
        const int columnCount = 1 + random.bounded(6);
        QStringList definitions;
        QStringList columnTypes;
        for (int c = 0; c < columnCount; ++c) {
            const QString type = types[random.bounded(int(types.size()))];
            columnTypes << type;
            definitions << QStringLiteral("%1 %2").arg(
                SqlIdentifier::quote(hostileNames[c] + QString::number(round)), type);
        }
        const QString table = hostileNames[random.bounded(int(hostileNames.size()))] +
                              QStringLiteral(" t%1").arg(round);
        const QString create = QStringLiteral("CREATE TABLE %1 (%2)");
        temp.exec(create.arg(SqlIdentifier::quote(table), definitions.join(u',')));
        const int rowCount = random.bounded(40);
        for (int r = 0; r < rowCount; ++r) {
            QVariantList values;
            QStringList marks;
            for (int c = 0; c < columnCount; ++c) {
                marks << QStringLiteral("?");
                const SqlAffinity::Kind affinity = SqlAffinity::fromDeclaredType(columnTypes[c]);
                const int pick = random.bounded(10);
                if (pick == 0) {
                    values << QVariant(QMetaType(QMetaType::QString)); // NULL
                } else if (affinity == SqlAffinity::Integer ||
                           (affinity == SqlAffinity::Numeric && pick < 5)) {
                    values << qint64(random.generate64());
                } else if (affinity == SqlAffinity::Real || affinity == SqlAffinity::Numeric) {
                    values << (random.generateDouble() - 0.5) *
                                  std::pow(10.0, random.bounded(40) - 20);
                } else if (pick == 1) {
                    values << QString(); // the empty string
                } else {
                    QString text;
                    for (int k = random.bounded(1, 8); k > 0; --k)
                        text += pieces[random.bounded(int(pieces.size()))];
                    values << text;
                }
            }
            temp.exec(QStringLiteral("INSERT INTO %1 VALUES (%2)")
                          .arg(SqlIdentifier::quote(table), marks.join(u',')),
                      values);
        }
        const QString path = temp.folder() + QStringLiteral("/round.csv");
        QCOMPARE(TableExporter::exportToFile(temp.db(), table, path, ExportOptions()),
                 qint64(rowCount));

        const QString copy = table + QStringLiteral(" copy");
        temp.exec(create.arg(SqlIdentifier::quote(copy), definitions.join(u',')));
        ImportOptions options;
        options.table = copy;
        options.ifExists = ImportOptions::IfExists::Append;
        options.header = true;
        options.delimiter = u',';
        QCOMPARE(TableImporter::import(temp.db(), path, options).rows, qint64(rowCount));
        QCOMPARE(quotedRows(temp.db(), copy), quotedRows(temp.db(), table));
    }
}

QTEST_GUILESS_MAIN(TestTableExporter)
#include "tst_TableExporter.moc"
