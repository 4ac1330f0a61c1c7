#include "import/CsvReader.h"
#include "import/CsvSniffer.h"
#include "util/RowforgeError.h"

#include <QBuffer>
#include <QtTest>

using Rows = QList<QStringList>;

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void nullVersusEmptyString();
    void lineNumbersCountEmbeddedBreaks();
    void unterminatedQuoteNamesItsLine();
    void recordsAcrossChunkBoundaries();
    void hugeFieldIsReadWhole();
    void encodings_data();
    void encodings();
    void sniffDelimiter_data();
    void sniffDelimiter();
    void sniffHeader_data();
    void sniffHeader();

private:
    static Rows readAll(const QByteArray &bytes, QChar delimiter = u',',
                        TextEncoding::Kind encoding = TextEncoding::Utf8);
};

Rows TestCsvReader::readAll(const QByteArray &bytes, QChar delimiter, TextEncoding::Kind encoding)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, encoding, delimiter);
    ImportRecord record;
    Rows rows;
    while (reader.next(record)) {
        QStringList row;
        for (int i = 0; i < record.size; ++i)
            row << record.values.at(i);
        rows << row;
    }
    return rows;
}

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<Rows>("expected");
    QTest::newRow("simple LF") << QByteArray("a,b\n1,2\n") << "," << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << "," << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("lone CR") << QByteArray("a,b\r1,2\r") << "," << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("no final newline")
        << QByteArray("a,b\n1,2") << "," << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("quoted delimiter") << QByteArray("\"a,b\",c\n") << "," << Rows{{"a,b", "c"}};
    QTest::newRow("doubled quote")
        << QByteArray("\"say \"\"hi\"\"\",x\n") << "," << Rows{{"say \"hi\"", "x"}};
    QTest::newRow("embedded CRLF and LF")
        << QByteArray("\"line1\r\nline2\",\"a\nb\"\nnext,row\n") << ","
        << Rows{{"line1\r\nline2", "a\nb"}, {"next", "row"}};
    QTest::newRow("tab") << QByteArray("a\tb c\n1\t2\n") << "\t" << Rows{{"a", "b c"}, {"1", "2"}};
    QTest::newRow("semicolon") << QByteArray("a;b\n1,5;2\n") << ";"
                               << Rows{{"a", "b"}, {"1,5", "2"}};
    QTest::newRow("pipe") << QByteArray("a|b\n|x\n") << "|" << Rows{{"a", "b"}, {"", "x"}};
    QTest::newRow("blank lines skipped")
        << QByteArray("a\n\n\r\nb\n\n") << "," << Rows{{"a"}, {"b"}};
    QTest::newRow("trailing delimiter") << QByteArray("a,b,\n") << "," << Rows{{"a", "b", ""}};
    QTest::newRow("spaces kept") << QByteArray(" a , b \n") << "," << Rows{{" a ", " b "}};
    QTest::newRow("quote inside unquoted field")
        << QByteArray("5\" pipe,x\n") << "," << Rows{{"5\" pipe", "x"}};
    QTest::newRow("text after closing quote")
        << QByteArray("\"a\"b,c\n") << "," << Rows{{"ab", "c"}};
    QTest::newRow("unicode") << QByteArray("名前,çà\n日本,🙂\n") << ","
                             << Rows{{"名前", "çà"}, {"日本", "🙂"}};
    QTest::newRow("only header") << QByteArray("a,b\n") << "," << Rows{{"a", "b"}};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, delimiter);
    QFETCH(Rows, expected);
    QCOMPARE(readAll(input, delimiter.at(0)), expected);
}

void TestCsvReader::nullVersusEmptyString()
{
    QByteArray data("a,,\"\",\"x\"\n");
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8, u',');
    ImportRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.size, 4);
    QCOMPARE(record.kinds[0], ImportRecord::Raw);
    QCOMPARE(record.kinds[1], ImportRecord::Null); // unquoted empty
    QCOMPARE(record.kinds[2], ImportRecord::Text); // quoted empty
    QCOMPARE(record.values[2], QString());
    QCOMPARE(record.kinds[3], ImportRecord::Raw);
}

void TestCsvReader::lineNumbersCountEmbeddedBreaks()
{
    QByteArray data("h\n\"a\nb\nc\"\n\nx\r\ny\rz\n");
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8, u',');
    ImportRecord record;
    QList<qint64> lines;
    while (reader.next(record))
        lines << record.line;
    QCOMPARE(lines, (QList<qint64>{1, 2, 6, 7, 8}));
}

void TestCsvReader::unterminatedQuoteNamesItsLine()
{
    try {
        readAll("a,b\n1,2\n3,\"open\nmore\n");
        QFAIL("an unterminated quote was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("line 3")) &&
                     error.message().contains(QLatin1String("unterminated")),
                 qPrintable(error.message()));
    }
}

void TestCsvReader::recordsAcrossChunkBoundaries()
{
    // Many rows with quotes, CRLF and multi-byte characters, more than one 1 MiB chunk.
    QByteArray data;
    Rows expected;
    for (int i = 0; i < 100000; ++i) {
        const QString text = QStringLiteral("ü%1 \"q\"\r\nß").arg(i);
        QString quoted = text;
        quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        data += QStringLiteral("%1,\"%2\",日本\r\n").arg(i).arg(quoted).toUtf8();
        expected << QStringList{QString::number(i), text, QStringLiteral("日本")};
    }
    QVERIFY(data.size() > 2 * 1024 * 1024);
    QCOMPARE(readAll(data), expected);
}

void TestCsvReader::hugeFieldIsReadWhole()
{
    const QByteArray big(20 * 1024 * 1024, 'x');
    const Rows rows = readAll("a,b\n1,\"" + big + "\"\n2,y\n");
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1][1].size(), big.size());
    QCOMPARE(rows[2], (QStringList{"2", "y"}));
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QString text = QStringLiteral("name\nCafé €5\n");
    QTest::newRow("utf-8") << text.toUtf8() << int(TextEncoding::Utf8);
    QByteArray le;
    for (const QChar c : text)
        le += char(c.unicode() & 0xFF), le += char(c.unicode() >> 8);
    QTest::newRow("utf-16le") << le << int(TextEncoding::Utf16LE);
    QByteArray be;
    for (const QChar c : text)
        be += char(c.unicode() >> 8), be += char(c.unicode() & 0xFF);
    QTest::newRow("utf-16be") << be << int(TextEncoding::Utf16BE);
    QTest::newRow("windows-1252") << QByteArray("name\nCaf\xE9 \x80"
                                                "5\n")
                                  << int(TextEncoding::Windows1252);
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    QCOMPARE(readAll(bytes, u',', TextEncoding::Kind(encoding)),
             (Rows{{"name"}, {QStringLiteral("Café €5")}}));
    int bom = -1;
    if (encoding == TextEncoding::Utf8 || encoding == TextEncoding::Windows1252) {
        QCOMPARE(int(TextEncoding::detect(bytes, &bom)), encoding);
        QCOMPARE(bom, 0);
    }
    QCOMPARE(TextEncoding::detect(QByteArray("\xFF\xFE") + bytes, &bom), TextEncoding::Utf16LE);
    QCOMPARE(bom, 2);
    QCOMPARE(TextEncoding::detect(QByteArray("\xEF\xBB\xBF") + bytes, &bom), TextEncoding::Utf8);
    QCOMPARE(bom, 3);
}

void TestCsvReader::sniffDelimiter_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("delimiter");
    QTest::newRow("comma") << "a,b,c\n1,2,3\n4,5,6\n"
                           << ",";
    QTest::newRow("tab") << "a\tb\n1,5\t2\n3,5\t4\n"
                         << "\t";
    QTest::newRow("semicolon with decimal commas") << "a;b;c\n1,5;2,5;x\n3,1;4,2;y\n"
                                                   << ";";
    QTest::newRow("pipe") << "a|b\n1|2\n"
                          << "|";
    QTest::newRow("quoted commas under semicolons") << "a;b\n\"1,2,3\";x\n\"4,5\";y\n"
                                                    << ";";
    QTest::newRow("single column") << "name\nann\nbo\n"
                                   << ",";
}

void TestCsvReader::sniffDelimiter()
{
    QFETCH(QString, sample);
    QFETCH(QString, delimiter);
    QCOMPARE(CsvSniffer::sniffDelimiter(sample, true), delimiter.at(0));
}

void TestCsvReader::sniffHeader_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<bool>("header");
    QTest::newRow("names over numbers") << "id,price\n1,2.5\n2,3.5\n" << true;
    QTest::newRow("numbers only") << "1,2.5\n2,3.5\n3,4.5\n" << false;
    QTest::newRow("text with distinct names") << "first,last\nann,lee\nbo,kim\n" << true;
    QTest::newRow("repeating text") << "ann,lee\nbo,lee\nann,kim\n" << false;
    QTest::newRow("fixed-length codes") << "product_code,flag\nAB12,x\nCD34,y\n" << true;
    QTest::newRow("zip codes under a name") << "code,n\n0805,1\n0806,x\n" << true;
    QTest::newRow("zip codes only") << "0805,1201\n0806,1202\n" << false;
    QTest::newRow("header only") << "a,b\n" << true;
    // A constant column whose value has the header's length ("city" over "Oslo") voted the
    // header down, and the file was imported without one.
    QTest::newRow("constant text column")
        << "name,city,note\nPerson 0,Oslo,a note 0\nPerson 1,Oslo,a note 1\n"
        << true;
    QTest::newRow("constant column, no header") << "ann,Oslo\nbo,Oslo\ncy,Oslo\n" << false;
}

void TestCsvReader::sniffHeader()
{
    QFETCH(QString, sample);
    QFETCH(bool, header);
    QCOMPARE(CsvSniffer::sniffHeader(sample, u',', true), header);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_CsvReader.moc"
