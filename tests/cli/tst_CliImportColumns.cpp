// rowforge-cli import's choices per column from the real command line: a type, a new name, a
// column left out and the form of dates; and the refusals, each naming what is wrong, with
// nothing written.
#include "CliProcess.h"
#include "TempDatabase.h"
#include "TestFiles.h"

#include <QtTest>

class TestCliImportColumns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typesNamesSkipsAndDateForms();
    void refusalsNameTheProblemAndWriteNothing();

private:
    CliProcess::Run import(const QString &db, const QStringList &arguments);
    QString m_cli;
    QString m_file;
    QTemporaryDir m_home, m_files;
};

void TestCliImportColumns::initTestCase()
{
    m_cli = qEnvironmentVariable("ROWFORGE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "ROWFORGE_CLI must name the built rowforge-cli");
    // A leading zero that a number would lose, day-first dates, a column nobody wants.
    m_file = TestFiles::write(m_files.path(), QStringLiteral("pay.csv"),
                              "id,When,amount,notes\n1,31/01/2024,0805,x\n2,29/02/2024,12,y\n");
}

CliProcess::Run TestCliImportColumns::import(const QString &db, const QStringList &arguments)
{
    return CliProcess(m_home.path())
        .run(m_cli, QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + arguments +
                        QStringList{m_file});
}

void TestCliImportColumns::typesNamesSkipsAndDateForms()
{
    TempDatabase temp;
    const CliProcess::Run done =
        import(temp.path(), {QStringLiteral("--rename"), QStringLiteral("When=paid_on"),
                             QStringLiteral("--type"), QStringLiteral("When=DATE"),
                             QStringLiteral("--date-format"), QStringLiteral("When=dd/MM/yyyy"),
                             QStringLiteral("--type"), QStringLiteral("amount=text"),
                             QStringLiteral("--skip"), QStringLiteral("notes")});
    QVERIFY2(done.exitCode == 0, done.err.constData());
    QVERIFY2(done.out.startsWith("pay\t2\t"), done.out.constData());
    QCOMPARE(temp.dump(), QStringLiteral("CREATE TABLE \"pay\" (\"id\" INTEGER, \"paid_on\" DATE, "
                                         "\"amount\" TEXT)\n1|2024-01-31|0805|\n"
                                         "2|2024-02-29|12|\n"));
}

void TestCliImportColumns::refusalsNameTheProblemAndWriteNothing()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE kept (a TEXT)"),
                       QStringLiteral("INSERT INTO kept VALUES ('as it was')")});
    const QString before = temp.dump();
    struct Case
    {
        QStringList arguments;
        int exitCode;
        QByteArray message;
    };
    const QList<Case> cases{
        {{QStringLiteral("--skip"), QStringLiteral("Notes")},
         1,
         "pay.csv: the file has no column \"Notes\" (its columns: id, When, amount, notes)"},
        {{QStringLiteral("--type"), QStringLiteral("amount=money")},
         2,
         "--type amount=money: the type must be integer, real, text, date or datetime"},
        {{QStringLiteral("--rename"), QStringLiteral("When")},
         2,
         "--rename wants COLUMN=NAME, not When"},
        {{QStringLiteral("--date-format"), QStringLiteral("When=dd/MM/yyyy")},
         2,
         "--date-format When: give the column --type When=date or datetime as well"},
        {{QStringLiteral("--type"), QStringLiteral("When=date"), QStringLiteral("--date-format"),
          QStringLiteral("When=MM/dd/yyyy")},
         1,
         "line 2, column \"When\": \"31/01/2024\" is not a date in the form MM/dd/yyyy"},
        {{QStringLiteral("--rename"), QStringLiteral("notes=ID")},
         1,
         "two columns would be named \"ID\"; rename or skip one"},
        {{QStringLiteral("--skip"), QStringLiteral("id"), QStringLiteral("--skip"),
          QStringLiteral("When"), QStringLiteral("--skip"), QStringLiteral("amount"),
          QStringLiteral("--skip"), QStringLiteral("notes")},
         1,
         "every column is skipped: nothing to import"},
    };
    for (const Case &c : cases) {
        const CliProcess::Run refused = import(temp.path(), c.arguments);
        const QByteArray what = c.arguments.join(u' ').toUtf8() + ": " + refused.err;
        QVERIFY2(refused.exitCode == c.exitCode, what.constData());
        QVERIFY2(refused.err.contains(c.message), what.constData());
        QCOMPARE(temp.dump(), before);
    }
}

QTEST_GUILESS_MAIN(TestCliImportColumns)
#include "tst_CliImportColumns.moc"
