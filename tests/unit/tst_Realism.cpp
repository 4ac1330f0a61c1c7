// Rows that hold together: the joint model (spend given plan, NULLs given status, correlated
// numbers), e-mails made from the row's own name, and the report's pair metrics, distances and
// rules against values computed by hand. The rule miners: tst_Rules. Copies, unique keys and
// series: tst_CopiesAndKeys.
#include "AccountsTable.h"
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "fidelity/CloseRecords.h"
#include "fidelity/FidelityMetrics.h"
#include "fidelity/FidelityReporter.h"
#include "fidelity/PairTrends.h"
#include "recipe/EmailGenerator.h"
#include "recipe/NameSlug.h"
#include "recipe/RecipeLearner.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>
#include <cmath>

namespace {} // namespace

class TestRealism : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jointModelKeepsConditionalsAndCorrelation();
    void independentColumnsGetNoTree();
    void categoryToldByNumbersFollowsThem();
    void manyValuedTextIsACategory();
    void emailsAreMadeFromTheRowsOwnName();
    void aCommonNameGetsDigitsFromTheFirstTry();
    void pairMetricsByHand();
    void distanceToClosestRecordByHand();
    void reportListsRulesAndPairs();
};

void TestRealism::jointModelKeepsConditionalsAndCorrelation()
{
    TempDatabase temp({QString::fromUtf8(AccountsTable::Schema)});
    AccountsTable::seed(temp, 400, 5);
    generateOffline(temp, QStringLiteral("accounts"), 3000, 9);
    // Numbers given a category: each plan spends in its own range, free nothing.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE id > 400 AND plan = "
                                        "'free' AND spend <> 0"))
                 .toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE id > 400 AND plan = "
                                        "'pro' AND spend < 300"))
                 .toInt(),
             0);
    // Conditional NULLs, and the share of each status kept (about a quarter each).
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE id > 400 AND "
                                        "(status IN ('pending', 'cancelled')) = (shipped IS NOT "
                                        "NULL)"))
                 .toInt(),
             0);
    const double pending = temp.scalar(QStringLiteral("SELECT avg(status = 'pending') FROM "
                                                      "accounts WHERE id > 400"))
                               .toDouble();
    QVERIFY2(pending > 0.18 && pending < 0.32, qPrintable(QString::number(pending)));
    // Numbers given numbers: low and high move together as in the real rows.
    auto correlation = [&temp](const char *where) {
        const QList<QVariantList> rows = AccountsTable::rows(
            temp, {QStringLiteral("low"), QStringLiteral("high")}, QString::fromUtf8(where));
        std::vector<double> x, y;
        for (const QVariantList &row : rows)
            x.push_back(row[0].toDouble()), y.push_back(row[1].toDouble());
        return FidelityMetrics::pearson(x, y);
    };
    const double real = correlation("id <= 400"), generated = correlation("id > 400");
    QVERIFY2(real > 0.8 && std::fabs(real - generated) < 0.1,
             qPrintable(QStringLiteral("%1 vs %2").arg(real).arg(generated)));
}

void TestRealism::independentColumnsGetNoTree()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a TEXT, b REAL, c TEXT)")});
    QRandomGenerator random(4);
    for (int i = 0; i < 2000; ++i)
        temp.exec(QStringLiteral("INSERT INTO t VALUES (?, ?, ?)"),
                  {QString(QChar(u'a' + random.bounded(4))), random.bounded(100.0),
                   QString(QChar(u'p' + random.bounded(3)))});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const QJsonObject recipe = RecipeLearner::learn(temp.db(), table, random);
    const QJsonObject columns = recipe[QLatin1String("columns")].toObject();
    for (const QString &name : columns.keys())
        QVERIFY2(!columns[name].toObject().contains(QLatin1String("tree")), qPrintable(name));
}

void TestRealism::categoryToldByNumbersFollowsThem()
{
    // 44 trading days, as vega's ohlc: the price drifts down and swings with the days; the
    // signal says whether it stands above its middle, one day in eight saying otherwise.
    // Categories are learned before numbers, and the price follows the day better than the
    // signal, so the signal must be learned again, given the price that tells it.
    TempDatabase temp({QStringLiteral("CREATE TABLE days (day TEXT, price REAL, signal TEXT)")});
    QRandomGenerator random(8);
    for (int i = 0; i < 44; ++i) {
        const double price = 30 - 0.08 * i + 3 * std::sin(i / 3.5) + random.bounded(2.0);
        const bool high = price > 28.24, flipped = i % 8 == 3;
        temp.exec(QStringLiteral("INSERT INTO days VALUES (?, ?, ?)"),
                  {QDate(2009, 6, 1).addDays(i).toString(Qt::ISODate), qRound(price * 100) / 100.0,
                   high != flipped ? QStringLiteral("short") : QStringLiteral("long")});
    }
    QCOMPARE(generateOffline(temp, QStringLiteral("days"), 2000, 3).inserted, 2000);
    const QString agreeing = QStringLiteral("SELECT avg((price > 28.24) = (signal = 'short')) "
                                            "FROM days WHERE rowid %1 44");
    const double real = temp.scalar(agreeing.arg(QLatin1String("<="))).toDouble();
    const double generated = temp.scalar(agreeing.arg(QLatin1String(">"))).toDouble();
    QVERIFY2(real > 0.85 && generated > real - 0.08,
             qPrintable(QStringLiteral("%1 vs %2").arg(real).arg(generated)));
}

void TestRealism::manyValuedTextIsACategory()
{
    // 60 weather stations, ten readings each, every station at its own longitude: more values
    // than a handful of categories, but each seen often enough to learn where it stands.
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE readings (station TEXT, longitude REAL, rain REAL)")});
    QRandomGenerator random(4);
    for (int i = 0; i < 600; ++i) {
        const int station = i % 60;
        temp.exec(QStringLiteral("INSERT INTO readings VALUES (?, ?, ?)"),
                  {QStringLiteral("Station %1").arg(station),
                   qRound((-120 + station + random.bounded(0.6)) * 1000) / 1000.0,
                   qRound(random.bounded(30.0) * 10) / 10.0});
    }
    QCOMPARE(generateOffline(temp, QStringLiteral("readings"), 2000, 1).inserted, 2000);
    // The engine draws each new station where it stands.
    const double placed =
        temp.scalar(QStringLiteral("SELECT avg(n.longitude BETWEEN r.low - 0.2 AND r.high + 0.2) "
                                   "FROM readings n JOIN (SELECT station, min(longitude) AS low, "
                                   "max(longitude) AS high FROM readings WHERE rowid <= 600 "
                                   "GROUP BY station) r USING (station) WHERE n.rowid > 600"))
            .toDouble();
    QVERIFY2(placed > 0.9, qPrintable(QString::number(placed)));
    // The report compares the station with the other columns, as a category.
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("readings"));
    const QStringList columns{QStringLiteral("station"), QStringLiteral("longitude"),
                              QStringLiteral("rain")};
    const FidelityReport report = FidelityReporter::compare(
        table, columns,
        AccountsTable::rows(temp, columns, QStringLiteral("rowid <= 600"), table.name),
        AccountsTable::rows(temp, columns, QStringLiteral("rowid > 600"), table.name));
    const auto stationLongitude =
        std::find_if(report.pairs.begin(), report.pairs.end(), [](auto &p) {
            return p.a == QLatin1String("station") && p.b == QLatin1String("longitude");
        });
    QVERIFY(stationLongitude != report.pairs.end());
    QCOMPARE(stationLongitude->metric, QStringLiteral("contingency"));
    QVERIFY2(stationLongitude->real > 0.9 && stationLongitude->score > 0.8,
             qPrintable(
                 QStringLiteral("%1 %2").arg(stationLongitude->real).arg(stationLongitude->score)));
}

void TestRealism::emailsAreMadeFromTheRowsOwnName()
{
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT "
                        "NOT NULL, last TEXT NOT NULL, email TEXT NOT NULL UNIQUE)")});
    const QStringList firsts{QStringLiteral("Chloé"), QStringLiteral("Søren"),
                             QStringLiteral("Ann"),   QStringLiteral("Li"),
                             QStringLiteral("Marco"), QStringLiteral("Priya")};
    const QStringList lasts{QStringLiteral("O'Brien"), QStringLiteral("Lee"),
                            QStringLiteral("Rossi"), QStringLiteral("Tanaka"),
                            QStringLiteral("Smith")};
    const QStringList domains{QStringLiteral("mail.org"), QStringLiteral("post.net")};
    // Four in five real addresses are first.last@ or flast@ (each of the 30 people in both
    // forms at both domains); the rest are nicknames.
    for (int i = 0; i < 150; ++i) {
        const QString first = firsts[i % 6], last = lasts[i / 6 % 5];
        const QString f = QString::fromUtf8(nameSlug(first)), l = QString::fromUtf8(nameSlug(last));
        const QString local = i >= 120     ? QStringLiteral("skater%1").arg(i)
                              : i / 30 % 2 ? f.left(1) + l
                                           : f + u'.' + l;
        temp.exec(QStringLiteral("INSERT INTO people (first, last, email) VALUES (?, ?, ?)"),
                  {first, last, local + u'@' + domains[i / 60 % 2]});
    }
    const int real = 150, added = 30000; // each person asked for 1,000 times
    QCOMPARE(generateOffline(temp, QStringLiteral("people"), added, 4).inserted, added);

    QSqlQuery query(temp.db());
    QVERIFY(query.exec(
        QStringLiteral("SELECT first, last, email FROM people WHERE id > %1").arg(real)));
    int fromName = 0;
    while (query.next()) {
        const QByteArray first = nameSlug(query.value(0).toString());
        const QByteArray last = nameSlug(query.value(1).toString());
        const QByteArray email = query.value(2).toString().toUtf8();
        if (email.startsWith(first + '.' + last) || email.startsWith(first.left(1) + last))
            ++fromName;
    }
    // Made from the row's own name as often as real addresses are (the real share is 0.8).
    QVERIFY2(std::abs(double(fromName) / added - 0.8) < 0.03,
             qPrintable(QString::number(fromName)));
}

void TestRealism::aCommonNameGetsDigitsFromTheFirstTry()
{
    using Picker = WeightedPicker<QByteArray>;
    EmailGenerator::Names names;
    names.first = 0;
    names.last = 1;
    names.share = 1;
    names.patterns = WeightedPicker<QString>({{QStringLiteral("{first}.{last}"), 1}});
    std::vector<GeneratedValue> ann(3), bo(3);
    ann[0].setText("Ann");
    ann[1].setText("Lee");
    bo[0].setText("Bo");
    bo[1].setText("Kim");
    // Ann Lee's addresses when two people are asked for in turn: every request is a first
    // try, none a retry after a clash.
    auto annsAddresses = [&](bool unique) {
        EmailGenerator email(Picker({{"x", 1}}), WeightedPicker<int>({{1, 1}}), Picker({{".", 1}}),
                             0, Picker({{"mail.org", 1}}));
        email.setNames(names);
        email.setUnique(unique);
        QRandomGenerator random(5);
        QList<QByteArray> addresses;
        for (int i = 0; i < 200; ++i) {
            GeneratedValue out;
            email.generate(i % 2 ? bo : ann, random, out);
            if (i % 2 == 0)
                addresses << out.bytes;
        }
        return addresses;
    };
    // One pattern at one domain makes one plain address: in a UNIQUE column the later Ann
    // Lees add digits at once instead of asking for ann.lee@ again (a million rows over a
    // thousand names had retried three times a row). A few numbers drawn twice are left to
    // the unique check; asking for ann.lee@ each time would give one address.
    const QList<QByteArray> unique = annsAddresses(true);
    QCOMPARE(unique.first(), QByteArray("ann.lee@mail.org"));
    const QSet<QByteArray> distinct(unique.begin(), unique.end());
    QVERIFY2(distinct.size() >= 90, qPrintable(QString::number(distinct.size())));
    // Elsewhere a person keeps one address, row after row.
    const QList<QByteArray> repeated = annsAddresses(false);
    QCOMPARE(QSet<QByteArray>(repeated.begin(), repeated.end()),
             QSet<QByteArray>{QByteArray("ann.lee@mail.org")});
}

void TestRealism::pairMetricsByHand()
{
    QCOMPARE(FidelityMetrics::pearson({1, 2, 3}, {2, 4, 6}), 1.0);
    QCOMPARE(FidelityMetrics::pearson({1, 2, 3}, {3, 2, 1}), -1.0);
    QCOMPARE(FidelityMetrics::pearson({1, 2, std::nan(""), 3}, {1, 2, 100, 3}), 1.0);
    QCOMPARE(FidelityMetrics::correlationSimilarity(0.8, -0.2), 0.5);
    // Real: (0,0) x2, (1,1) x2. Synthetic: (0,0), (0,1), (1,0), (1,1).
    // |.5-.25| + |0-.25| + |0-.25| + |.5-.25| = 1: similarity 1 - 1/2.
    const QHash<QPair<int, int>, qint64> real{{{0, 0}, 2}, {{1, 1}, 2}};
    const QHash<QPair<int, int>, qint64> synthetic{
        {{0, 0}, 1}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 1}};
    QCOMPARE(FidelityMetrics::contingencySimilarity(real, synthetic), 0.5);
    QCOMPARE(FidelityMetrics::contingencySimilarity(real, real), 1.0);
    // A diagonal table over 100 rows: each determines the other.
    const QHash<QPair<int, int>, qint64> diagonal{{{0, 0}, 50}, {{1, 1}, 50}};
    QCOMPARE(FidelityMetrics::cramersV(diagonal), 1.0);
    QCOMPARE(FidelityMetrics::cramersV({{{0, 0}, 25}, {{0, 1}, 25}, {{1, 0}, 25}, {{1, 1}, 25}}),
             0.0);
    // Deciles: 1..10 go to bins 0..9; NULL is -1; a value above the real ones to the top bin.
    PairTrends::Series series{QStringLiteral("x"), true, {}, {11, std::nan("")}, {}, {}};
    for (int i = 1; i <= 10; ++i)
        series.real.push_back(i);
    PairTrends::bin(series);
    QCOMPARE(series.realCodes, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(series.syntheticCodes, (std::vector<int>{9, -1}));
}

void TestRealism::distanceToClosestRecordByHand()
{
    // One numeric column over [0, 10] and one category. Real rows: (0, a), (10, a), (5, b).
    CloseRecords::Column number{true, {0, 10, 5}, {1, 5}, {}, {}};
    CloseRecords::Column category{false, {}, {}, {0, 0, 1}, {0, 1}};
    QRandomGenerator random(1);
    const FidelityReport::Privacy privacy = CloseRecords::measure({number, category}, 3, 2, random);
    // (1, a): nearest (0, a) at (0.1 + 0) / 2 = 0.05; (5, b) is a real row: 0.
    // Real rows' own nearest: (0,a)-(10,a) 0.5, (10,a)-(5,b) 0.75, (5,b)-(0,a) 0.75 -> 0.5,
    // 0.5, 0.75; median 0.5.
    QCOMPARE(privacy.exactShare, 0.5);
    QCOMPARE(privacy.realMedian, 0.5);
    QCOMPARE(privacy.syntheticMedian, 0.05);
    QVERIFY(privacy.tooClose()); // 0.05 is under half of 0.5
}

void TestRealism::reportListsRulesAndPairs()
{
    TempDatabase temp({QString::fromUtf8(AccountsTable::Schema)});
    AccountsTable::seed(temp, 200, 12);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("accounts"));
    const QList<QVariantList> real =
        AccountsTable::rows(temp, AccountsTable::columns(), QStringLiteral("1"));
    // New rows that break two rules: a free plan that spends, and low above high.
    QList<QVariantList> synthetic = real.mid(0, 100);
    for (int i = 0; i < 10; ++i) {
        synthetic[i][0] = QStringLiteral("free");
        synthetic[i][1] = 931.93;
        synthetic[i][4] = 99.0;
        synthetic[i][5] = 1.0;
    }
    const FidelityReport report =
        FidelityReporter::compare(table, AccountsTable::columns(), real, synthetic);
    QHash<QString, double> kept;
    for (const FidelityReport::Rule &rule : report.rules)
        kept.insert(rule.text, rule.kept);
    QCOMPARE(kept.value(QStringLiteral("low ≤ high")), 0.9);
    QCOMPARE(kept.value(QStringLiteral("city → country"), -1), 1.0);
    QVERIFY(report.ruleAdherence() < 1);
    QVERIFY(report.columnPairTrends() > 0 && report.columnPairTrends() < 1);
    const auto planSpend = std::find_if(report.pairs.begin(), report.pairs.end(), [](auto &p) {
        return p.a == QLatin1String("plan") && p.b == QLatin1String("spend");
    });
    QVERIFY(planSpend != report.pairs.end());
    QCOMPARE(planSpend->metric, QStringLiteral("contingency"));
    QVERIFY(planSpend->real > 0.9);
    QCOMPARE(report.validity, 1.0);
    QVERIFY(report.toJson().contains(QLatin1String("column_pair_trends")));
    QVERIFY(report.summary().contains(QLatin1String("pairs ")));
}

QTEST_GUILESS_MAIN(TestRealism)
#include "tst_Realism.moc"
