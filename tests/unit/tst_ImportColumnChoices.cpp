// The choices an import makes per column beyond its type: a new name, leaving it out, and
// DATE or DATETIME read in the values' own form. Real files into real SQLite databases.
#include "TempDatabase.h"
#include "TestFiles.h"
#include "import/TableImporter.h"
#include "util/RowforgeError.h"

#include <QtTest>

class TestImportColumnChoices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsRenamedAndSkipped();
    void datesReadInTheirFormatAndStoredAsIso();

private:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        return TestFiles::write(m_files.path(), name, bytes);
    }
    // Fails the test unless importing `path` with `options` throws a message containing
    // `expected`.
    static void expectRefused(TempDatabase &temp, const QString &path, const ImportOptions &options,
                              const QString &expected);
    QTemporaryDir m_files;
};

void TestImportColumnChoices::expectRefused(TempDatabase &temp, const QString &path,
                                            const ImportOptions &options, const QString &expected)
{
    try {
        TableImporter::import(temp.db(), path, options);
        QFAIL("a choice that cannot be imported was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
    }
}

void TestImportColumnChoices::columnsRenamedAndSkipped()
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
    QCOMPARE(temp.dump(), QStringLiteral("CREATE TABLE \"staff\" (\"name\" TEXT, \"age\" REAL, "
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
    const QString before = temp.dump();
    auto refused = [&](const ImportOptions &bad, const QString &expected) {
        expectRefused(temp, path, bad, expected);
        QCOMPARE(temp.dump(), before);
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

void TestImportColumnChoices::datesReadInTheirFormatAndStoredAsIso()
{
    TempDatabase temp;
    const QString path =
        writeFile(QStringLiteral("visits.csv"), "day,at,note\n31/01/2024,2024-01-31T13:45:00,a\n"
                                                "01/02/2024,2024-02-01T08:05:09,b\n,,c\n");
    ImportOptions options;
    options.columnTypes.insert(QStringLiteral("day"), ColumnType::Date);
    options.columnTypes.insert(QStringLiteral("at"), ColumnType::DateTime);
    TableImporter::import(temp.db(), path, options);
    QCOMPARE(temp.dump(),
             QStringLiteral("CREATE TABLE \"visits\" (\"day\" DATE, \"at\" DATETIME, \"note\" "
                            "TEXT)\n2024-01-31|2024-01-31 13:45:00|a|\n2024-02-01|2024-02-01 "
                            "08:05:09|b|\n<null>|<null>|c|\n"));
    // SQLite's date functions read them.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT round((julianday(at) - julianday(day)) * 1440) "
                                        "FROM visits WHERE note = 'a'"))
                 .toInt(),
             13 * 60 + 45);

    // Whatever cannot be read as asked stops the import, naming the place; nothing is written.
    const QString before = temp.dump();
    auto refused = [&](const QByteArray &csv, ColumnType::Type type, const QString &expected) {
        ImportOptions bad;
        bad.table = QStringLiteral("bad");
        bad.columnTypes.insert(QStringLiteral("d"), type);
        expectRefused(temp, writeFile(QStringLiteral("bad.csv"), csv), bad, expected);
        QCOMPARE(temp.dump(), before);
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

QTEST_GUILESS_MAIN(TestImportColumnChoices)
#include "tst_ImportColumnChoices.moc"
