#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "generate/RowValidator.h"
#include "profile/ColumnProfiler.h"
#include "profile/RowSampler.h"

#include <QJsonDocument>
#include <QtTest>

class TestGenerationCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplerPicksDistinctExistingRows();
    void samplerOnWithoutRowidAndEmptyTables();
    void samplerOnASmallTableFollowsTheSeed();
    void profilerDescribesColumns();
    void formats_data();
    void formats();
    void validatorAcceptsGoodRows();
    void validatorRejects_data();
    void validatorRejects();
    void validatorWritesNothing();
    void validatorChecksAgainstEarlierAcceptedRows();

private:
    static QList<QJsonObject> objects(const char *json);
};

QList<QJsonObject> TestGenerationCore::objects(const char *json)
{
    QList<QJsonObject> list;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array())
        list << value.toObject();
    return list;
}

void TestGenerationCore::samplerPicksDistinctExistingRows()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"),
         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 100000) INSERT INTO t SELECT i * 3, 'v' || i FROM n "
                        "WHERE i % 4 <> 0")}); // gaps everywhere
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    QRandomGenerator random(7);
    const QList<QVariantList> rows = RowSampler::sample(temp.db(), table, 50, random);
    QCOMPARE(rows.size(), 50);
    QSet<qint64> ids;
    for (const QVariantList &row : rows) {
        const qint64 id = row[0].toLongLong();
        QVERIFY(id % 3 == 0 && (id / 3) % 4 != 0); // an existing row
        QCOMPARE(row[1].toString(), QStringLiteral("v%1").arg(id / 3));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 50);
    // Spread over the table, not the first rows: the median id is near the middle.
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(sorted[25] > 60000 && sorted[25] < 240000);
    // The same seed gives the same rows.
    QRandomGenerator again(7);
    QCOMPARE(RowSampler::sample(temp.db(), table, 50, again), rows);
}

void TestGenerationCore::samplerOnWithoutRowidAndEmptyTables()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID"),
                       QStringLiteral("INSERT INTO w VALUES ('a', 1), ('b', 2), ('c', 3)"),
                       QStringLiteral("CREATE TABLE e (v)")});
    QRandomGenerator random(1);
    QCOMPARE(RowSampler::sample(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("w")),
                                10, random)
                 .size(),
             3);
    QVERIFY(RowSampler::sample(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("e")), 10,
                               random)
                .isEmpty());
}

void TestGenerationCore::samplerOnASmallTableFollowsTheSeed()
{
    // Under RowSampler::SmallSpan rows SQLite's unseedable random() chose them: the fidelity
    // report mined its rules from a different thousand of 1,461 rows on each run.
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v)"),
         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM "
                        "n WHERE i < 1461) INSERT INTO t SELECT i, i * 2 FROM n")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    auto sample = [&](quint32 seed, int count) {
        QRandomGenerator random(seed);
        return RowSampler::sample(temp.db(), table, count, random);
    };
    const QList<QVariantList> first = sample(3, 1000);
    QCOMPARE(first.size(), 1000);
    QCOMPARE(sample(3, 1000), first);
    QVERIFY(sample(4, 1000) != first);
    QSet<qint64> ids;
    for (const QVariantList &row : first) {
        QCOMPARE(row[1].toLongLong(), row[0].toLongLong() * 2); // a real row, whole
        ids.insert(row[0].toLongLong());
    }
    QCOMPARE(ids.size(), 1000);
    // Not the first thousand: a uniform pick reaches the end of the table.
    QVERIFY(*std::max_element(ids.begin(), ids.end()) > 1400);
    // More than there are: every row once.
    QCOMPARE(sample(5, 5000).size(), 1461);
}

void TestGenerationCore::profilerDescribesColumns()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, plan TEXT, price REAL, "
                        "email TEXT, note TEXT)"),
         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 400) INSERT INTO t SELECT i, CASE i % 4 WHEN 0 THEN "
                        "'pro' ELSE 'free' END, 10 + (i % 50) + 0.25, 'user' || i || "
                        "'@example.com', CASE WHEN i % 10 = 0 THEN NULL ELSE 'n' END "
                        "FROM n")});
    QRandomGenerator random(3);
    const QList<ColumnProfile> profiles = ColumnProfiler::profile(
        temp.db(), SchemaReader::require(temp.db(), QStringLiteral("t")), random);
    QCOMPARE(profiles.size(), 5);
    QVERIFY(profiles[0].numeric && profiles[0].integral);
    QCOMPARE(profiles[0].min, 1.0);
    QCOMPARE(profiles[0].max, 400.0);
    QCOMPARE(profiles[0].distinct, 400);
    QCOMPARE(profiles[1].topValues.size(), 2);
    QCOMPARE(profiles[1].topValues[0], qMakePair(QStringLiteral("free"), qint64(300)));
    QVERIFY(profiles[2].numeric && !profiles[2].integral);
    QCOMPARE(profiles[2].decimals, 2);
    QCOMPARE(profiles[2].min, 10.25);
    QCOMPARE(profiles[2].max, 59.25);
    QCOMPARE(profiles[3].format, QStringLiteral("email"));
    QCOMPARE(profiles[4].nullFraction, 0.1);
    const QJsonObject json = profiles[1].toJson();
    QCOMPARE(json.value(QStringLiteral("value_frequencies"))
                 .toObject()
                 .value(QStringLiteral("pro"))
                 .toDouble(),
             0.25);
}

void TestGenerationCore::formats_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("format");
    QTest::newRow("email") << QStringList{"a@b.io", "x.y@mail.example.com"} << "email";
    QTest::newRow("url") << QStringList{"https://a.io/x", "http://b.org"} << "url";
    QTest::newRow("uuid") << QStringList{"123e4567-e89b-12d3-a456-426614174000"} << "uuid";
    QTest::newRow("date") << QStringList{"2024-01-31", "1999-12-01"} << "date";
    QTest::newRow("datetime") << QStringList{"2024-01-31 10:00:00", "2024-01-31T10:00Z"}
                              << "datetime";
    QTest::newRow("phone") << QStringList{"+1 212 555 0100", "(030) 1234-567"} << "phone";
    QTest::newRow("postal") << QStringList{"12345", "90210-1234", "SW1A 1AA"} << "postal code";
    QTest::newRow("free text") << QStringList{"hello", "world"} << "";
}

void TestGenerationCore::formats()
{
    QFETCH(QStringList, values);
    QFETCH(QString, format);
    QCOMPARE(ColumnProfiler::detectFormat(values), format);
}

void TestGenerationCore::validatorAcceptsGoodRows()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, "
                                      "r REAL, s TEXT, j TEXT, any_value)")});
    RowValidator validator(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QCOMPARE(validator.columns(), (QStringList{"n", "r", "s", "j", "any_value"})); // id is SQLite's
    QList<RowValidator::Rejection> rejections;
    const QList<QVariantList> valid = validator.validate(
        objects(R"([{"n": 1, "r": 2.5, "s": "x", "j": {"a": [1]}, "any_value": null},
                    {"n": "42", "r": "3", "s": 12345, "j": null, "any_value": 7},
                    {"n": 2.0, "r": 1, "s": "'); DROP TABLE t;--", "j": "t", "any_value": "z"}])"),
        &rejections);
    QVERIFY2(rejections.isEmpty(), qPrintable(rejections.value(0).reason));
    QCOMPARE(valid.size(), 3);
    QCOMPARE(valid[0][3].toString(), QStringLiteral("{\"a\":[1]}"));
    QCOMPARE(valid[1][0].typeId(), QMetaType::LongLong);
    QCOMPARE(valid[1][0].toLongLong(), 42);
    QCOMPARE(valid[1][2].toString(), QStringLiteral("12345"));
    QCOMPARE(valid[2][2].toString(), QStringLiteral("'); DROP TABLE t;--"));
}

void TestGenerationCore::validatorRejects_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown column")
        << QByteArray(R"([{"email":"n@x.io","plan":"pro","parent":1,"qty":1,"extra":1}])")
        << "unknown column \"extra\"";
    QTest::newRow("missing column") << QByteArray(R"([{"email":"n@x.io","plan":"pro","parent":1}])")
                                    << "column \"qty\" is missing";
    QTest::newRow("wrong type")
        << QByteArray(R"([{"email":"n@x.io","plan":"pro","parent":1,"qty":"many"}])")
        << "\"qty\" needs an integer, got \"many\"";
    QTest::newRow("fraction in integer")
        << QByteArray(R"([{"email":"n@x.io","plan":"pro","parent":1,"qty":1.5}])")
        << "\"qty\" needs an integer, got 1.5";
    QTest::newRow("null in not null")
        << QByteArray(R"([{"email":null,"plan":"pro","parent":1,"qty":1}])")
        << "\"email\" must not be NULL";
    QTest::newRow("unique vs table")
        << QByteArray(R"([{"email":"a@x.io","plan":"pro","parent":1,"qty":1}])")
        << "UNIQUE constraint failed: t.email";
    QTest::newRow("unique within batch")
        << QByteArray(
               R"([{"email":"n@x.io","plan":"pro","parent":1,"qty":1},{"email":"n@x.io","plan":"basic","parent":1,"qty":2}])")
        << "UNIQUE constraint failed: t.email";
    QTest::newRow("composite unique")
        << QByteArray(R"([{"email":"n@x.io","plan":"free","parent":1,"qty":3}])")
        << "UNIQUE constraint failed: t.plan, t.parent";
    QTest::newRow("foreign key") << QByteArray(
                                        R"([{"email":"n@x.io","plan":"pro","parent":99,"qty":1}])")
                                 << "FOREIGN KEY constraint failed";
    QTest::newRow("check") << QByteArray(R"([{"email":"n@x.io","plan":"pro","parent":1,"qty":0}])")
                           << "CHECK constraint failed";
    QTest::newRow("copy of existing row")
        << QByteArray(R"([{"email":"a@x.io","plan":"free","parent":1,"qty":3}])")
        << "UNIQUE constraint failed"; // the table's unique keys refuse the copy
}

void TestGenerationCore::validatorRejects()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, reason);
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY)"),
         QStringLiteral("INSERT INTO p VALUES (1)"),
         QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT NOT NULL "
                        "UNIQUE, plan TEXT, parent INTEGER REFERENCES p (id), qty INTEGER "
                        "CHECK (qty > 0), UNIQUE (plan, parent))"),
         QStringLiteral("INSERT INTO t VALUES (1, 'a@x.io', 'free', 1, 3)")});
    RowValidator validator(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QList<RowValidator::Rejection> rejections;
    const QList<QJsonObject> input = objects(rows.constData());
    const QList<QVariantList> valid = validator.validate(input, &rejections);
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections[0].index, int(input.size()) - 1);
    QVERIFY2(rejections[0].reason.startsWith(reason), qPrintable(rejections[0].reason));
    QCOMPARE(valid.size(), input.size() - 1);
}

void TestGenerationCore::validatorWritesNothing()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v TEXT UNIQUE)"),
                       QStringLiteral("INSERT INTO t VALUES ('old')")});
    RowValidator validator(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QList<RowValidator::Rejection> rejections;
    QCOMPARE(validator.validate(objects(R"([{"v":"new1"},{"v":"new2"}])"), &rejections).size(), 2);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    // An exact copy of an existing row in a table without unique keys is refused too.
    TempDatabase plain(
        {QStringLiteral("CREATE TABLE u (a, b)"), QStringLiteral("INSERT INTO u VALUES (1, 'x')")});
    RowValidator copies(plain.db(), SchemaReader::require(plain.db(), QStringLiteral("u")));
    rejections.clear();
    QVERIFY(copies.validate(objects(R"([{"a":1,"b":"x"}])"), &rejections).isEmpty());
    QCOMPARE(rejections[0].reason, QStringLiteral("an exact copy of an existing row"));
    // Equal as SQLite compares them (1.0 = 1), twice in one batch, and against rows accepted
    // by an earlier request: the same fingerprint decides all three, as in the offline engine.
    TempDatabase typed({QStringLiteral("CREATE TABLE n (a REAL, b TEXT)"),
                        QStringLiteral("INSERT INTO n VALUES (1, 'x')")});
    RowValidator numbers(typed.db(), SchemaReader::require(typed.db(), QStringLiteral("n")));
    rejections.clear();
    const QList<QVariantList> kept = numbers.validate(
        objects(R"([{"a":1.0,"b":"x"},{"a":2,"b":"y"},{"a":2.0,"b":"y"}])"), &rejections);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(rejections.size(), 2);
    QCOMPARE(rejections[0].reason, QStringLiteral("an exact copy of an existing row"));
    QCOMPARE(rejections[1].reason, QStringLiteral("the same row as another new row"));
    rejections.clear();
    QVERIFY(numbers.validate(objects(R"([{"a":2,"b":"y"}])"), &rejections, kept).isEmpty());
    QCOMPARE(rejections[0].reason, QStringLiteral("the same row as another new row"));
    QCOMPARE(typed.scalar(QStringLiteral("SELECT count(*) FROM n")).toInt(), 1);
}

void TestGenerationCore::validatorChecksAgainstEarlierAcceptedRows()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (v TEXT UNIQUE)")});
    RowValidator validator(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("t")));
    QList<RowValidator::Rejection> rejections;
    const QList<QVariantList> first = validator.validate(objects(R"([{"v":"a"}])"), &rejections);
    const QList<QVariantList> second =
        validator.validate(objects(R"([{"v":"a"},{"v":"b"}])"), &rejections, first);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second[0][0].toString(), QStringLiteral("b"));
    QCOMPARE(rejections.size(), 1);
}

QTEST_GUILESS_MAIN(TestGenerationCore)
#include "tst_GenerationCore.moc"
