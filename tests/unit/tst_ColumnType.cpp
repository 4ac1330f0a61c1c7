#include "import/ColumnType.h"
#include "import/ImportNaming.h"

#include <QtTest>

class TestColumnType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void widenNeverGoesBack();
    void convertIsLossless();
    void tableNames_data();
    void tableNames();
    void columnNames();
};

void TestColumnType::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    const int I = ColumnType::Integer, R = ColumnType::Real, T = ColumnType::Text;
    QTest::newRow("zero") << "0" << I;
    QTest::newRow("negative") << "-42" << I;
    QTest::newRow("int64 max") << "9223372036854775807" << I;
    QTest::newRow("int64 min") << "-9223372036854775808" << I;
    QTest::newRow("2^64 is exact as double") << "18446744073709551616" << R;
    QTest::newRow("big integer a double would round") << "12345678901234567890" << T;
    QTest::newRow("leading zero") << "0805" << T;
    QTest::newRow("minus zero") << "-0" << T;
    QTest::newRow("leading plus") << "+5" << T;
    QTest::newRow("thousands") << "1,000" << T;
    QTest::newRow("leading space") << " 7" << T;
    QTest::newRow("trailing space") << "7 " << T;
    QTest::newRow("real") << "2.5" << R;
    QTest::newRow("negative real") << "-0.25" << R;
    QTest::newRow("exponent") << "1e10" << R;
    QTest::newRow("exponent sign") << "6.02E+23" << R;
    QTest::newRow("leading dot") << ".5" << T;
    QTest::newRow("trailing dot") << "5." << T;
    QTest::newRow("leading zeros real") << "00.5" << T;
    QTest::newRow("inf") << "inf" << T;
    QTest::newRow("nan") << "NaN" << T;
    QTest::newRow("overflowing real") << "1e999" << T;
    QTest::newRow("date") << "2024-01-31" << T;
    QTest::newRow("hex") << "0x1F" << T;
    QTest::newRow("empty") << "" << T;
}

void TestColumnType::classify()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QCOMPARE(int(ColumnType::classify(text)), type);
}

void TestColumnType::widenNeverGoesBack()
{
    ColumnType::Type t = ColumnType::Null;
    for (const char *v : {"1", "2.5", "3"})
        t = ColumnType::widen(t, ColumnType::classify(QString::fromLatin1(v)));
    QCOMPARE(t, ColumnType::Real); // never back from REAL to INTEGER
    t = ColumnType::widen(t, ColumnType::classify(QStringLiteral("n/a")));
    QCOMPARE(t, ColumnType::Text);
    t = ColumnType::widen(t, ColumnType::classify(QStringLiteral("4")));
    QCOMPARE(t, ColumnType::Text);
    QCOMPARE(ColumnType::widen(ColumnType::Null, ColumnType::Integer), ColumnType::Integer);
}

void TestColumnType::convertIsLossless()
{
    bool ok = false;
    QVariant v = ColumnType::convert(ColumnType::Integer, ImportRecord::Raw,
                                     QStringLiteral("9223372036854775807"), &ok);
    QVERIFY(ok);
    QCOMPARE(v.toLongLong(), std::numeric_limits<qint64>::max());
    v = ColumnType::convert(ColumnType::Real, ImportRecord::Raw, QStringLiteral("3"), &ok);
    QVERIFY(ok);
    QCOMPARE(v.typeId(), QMetaType::Double);
    v = ColumnType::convert(ColumnType::Text, ImportRecord::Raw, QStringLiteral("0805"), &ok);
    QCOMPARE(v.toString(), QStringLiteral("0805"));
    v = ColumnType::convert(ColumnType::Integer, ImportRecord::Raw, QStringLiteral("2.5"), &ok);
    QVERIFY(!ok);
    v = ColumnType::convert(ColumnType::Integer, ImportRecord::Null, QString(), &ok);
    QVERIFY(ok && v.isNull());
    v = ColumnType::convert(ColumnType::Text, ImportRecord::Text, QString(), &ok);
    QVERIFY(ok && !v.isNull() && v.toString().isEmpty());
}

void TestColumnType::tableNames_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "/data/sales.csv"
                           << "sales";
    QTest::newRow("spaces and punctuation") << "/x/Sales Report (2024).csv"
                                            << "sales_report_2024";
    QTest::newRow("double extension") << "trips.2024.jsonl"
                                      << "trips_2024";
    QTest::newRow("unicode kept") << "名前 リスト.tsv"
                                  << "名前_リスト";
    QTest::newRow("nothing left") << "---.csv"
                                  << "imported";
}

void TestColumnType::tableNames()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    QCOMPARE(ImportNaming::tableNameForFile(path), name);
}

void TestColumnType::columnNames()
{
    // A missing name is a null string (an unquoted empty header field), a blank one is
    // whitespace; an empty name given on purpose (a quoted "" field) is kept.
    QCOMPARE(ImportNaming::columnNames({" id ", QString(), "Name", "name", "  ", "x\"y"}),
             (QStringList{"id", "column_2", "Name", "name_2", "column_5", "x\"y"}));
    QCOMPARE(ImportNaming::columnNames({ImportNaming::explicitName(QString()), "a"}),
             (QStringList{"", "a"}));
    QCOMPARE(ImportNaming::uniqueName(QStringLiteral("sales"), {"SALES", "sales_2"}),
             QStringLiteral("sales_3"));
    // Placeholders in names are names (a header "%1,%1" became "%1,2_%2"), code units that are
    // not text are replaced, and 20,000 alike fields get 20,000 names (linear: one set, and
    // the next suffix per base remembered).
    QCOMPARE(ImportNaming::columnNames({"%1", "%1", "%2_%1"}),
             (QStringList{"%1", "%1_2", "%2_%1"}));
    QCOMPARE(ImportNaming::columnNames({QStringLiteral("a") + QChar(0xD800)}),
             QStringList{QStringLiteral("a\uFFFD")});
    const QStringList wide = ImportNaming::columnNames(QStringList(20000, QStringLiteral("x")));
    QCOMPARE(wide.size(), 20000);
    QCOMPARE(wide.last(), QStringLiteral("x_20000"));
    QCOMPARE(QSet<QString>(wide.begin(), wide.end()).size(), 20000);
}

QTEST_GUILESS_MAIN(TestColumnType)
#include "tst_ColumnType.moc"
