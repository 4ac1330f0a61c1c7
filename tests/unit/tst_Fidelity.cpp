// The fidelity metrics against values computed by hand from the SDMetrics definitions, and
// the report over rows of a real SQLite file.
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "fidelity/FidelityMetrics.h"
#include "fidelity/FidelityReporter.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QtTest>

class TestFidelity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ksComplementByHand();
    void tvComplementAndAdherenceByHand();
    void copiesMatchNumbersWithinOnePercent();
    void resampledRealRowsShowWhatChanceAllows();
    void reportSinceRowid();
    void reportListsOnlyRulesOfEveryRealRow();
    void childrenPerParentByHand();
    void rulesAcrossAForeignKeyAreScored();
};

void TestFidelity::ksComplementByHand()
{
    // CDFs differ most after 2 (real 0.5, synthetic 0) and after 4 (1 vs 0.5): D = 0.5.
    QCOMPARE(FidelityMetrics::ksComplement({1, 2, 3, 4}, {3, 4, 5, 6}), 0.5);
    QCOMPARE(FidelityMetrics::ksComplement({1, 2, 3}, {3, 2, 1}), 1.0);
    QCOMPARE(FidelityMetrics::ksComplement({1, 2}, {10, 20}), 0.0);
    // Ties: real {1,1,2}, synthetic {1,2,2}: after 1, 2/3 vs 1/3.
    QCOMPARE(qRound(FidelityMetrics::ksComplement({1, 1, 2}, {1, 2, 2}) * 1000), 667);
    QCOMPARE(FidelityMetrics::boundaryAdherence({0, 10}, {5, 11, -1, 10}), 0.5);
    QCOMPARE(FidelityMetrics::missingValueSimilarity(0.1, 0.3), 0.8);
}

void TestFidelity::tvComplementAndAdherenceByHand()
{
    const QHash<QString, qint64> real{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 2}};
    const QHash<QString, qint64> synthetic{{QStringLiteral("a"), 3}, {QStringLiteral("c"), 1}};
    // 1 - (|.75 - .5| + |0 - .5| + |.25 - 0|) / 2
    QCOMPARE(FidelityMetrics::tvComplement(real, synthetic), 0.5);
    QCOMPARE(FidelityMetrics::tvComplement(real, real), 1.0);
    QCOMPARE(FidelityMetrics::categoryAdherence(real, synthetic), 0.75);
}

void TestFidelity::copiesMatchNumbersWithinOnePercent()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (x REAL, k TEXT)")});
    const TableInfo table = *SchemaReader::read(temp.db(), QStringLiteral("t"));
    QList<QVariantList> real;
    for (int i = 0; i < 10; ++i)
        real << QVariantList{100.0 + i * 10, QStringLiteral("a")};
    const QList<QVariantList> synthetic{{100.5, QStringLiteral("a")},  // copy: within 1% of 100
                                        {102.5, QStringLiteral("a")},  // 2.5% off: new
                                        {100.0, QStringLiteral("b")},  // other category: new
                                        {102.5, QStringLiteral("a")}}; // duplicate of row 2
    const FidelityReport report = FidelityReporter::compare(
        table, {QStringLiteral("x"), QStringLiteral("k")}, real, synthetic);
    QCOMPARE(report.newRowSynthesis, 0.75);
    QCOMPARE(report.duplicateRate, 0.5);
    QCOMPARE(report.columns[0].kind, QStringLiteral("numeric"));
    QCOMPARE(report.columns[1].kind, QStringLiteral("categorical"));
    QCOMPARE(report.columns[1].category, 0.75);
    QCOMPARE(report.columns[0].boundary, 1.0);
    QCOMPARE(report.columns[0].bins.size(), FidelityReporter::HistogramBins);
}

void TestFidelity::resampledRealRowsShowWhatChanceAllows()
{
    // 200 stations, each always in its own region, and a reading: rows drawn anew from the very
    // process that made the real ones are as good as new rows can be, yet 1,000 of them
    // cannot fill a 200 x 200 table as 1,000 real rows do.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (station TEXT, region TEXT, reading REAL)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const QStringList columns{QStringLiteral("station"), QStringLiteral("region"),
                              QStringLiteral("reading")};
    QRandomGenerator random(5);
    auto draw = [&random](int rows) {
        QList<QVariantList> drawn;
        for (int i = 0; i < rows; ++i) {
            const int station = int(random.bounded(200));
            drawn << QVariantList{QStringLiteral("s%1").arg(station),
                                  QStringLiteral("r%1").arg(station),
                                  station + random.bounded(10.0)};
        }
        return drawn;
    };
    const QList<QVariantList> real = draw(4000), fresh = draw(1000);
    const FidelityReport report = FidelityReporter::compare(table, columns, real, fresh);
    QCOMPARE(report.columns[0].kind, QStringLiteral("categorical"));
    QVERIFY2(report.resampledPairs > 0 && report.resampledPairs < 0.9,
             qPrintable(QString::number(report.resampledPairs)));
    QVERIFY2(
        std::abs(report.columnPairTrends() - report.resampledPairs) < 0.05,
        qPrintable(
            QStringLiteral("%1 %2").arg(report.columnPairTrends()).arg(report.resampledPairs)));
    QVERIFY2(
        std::abs(report.columnShapes() - report.resampledShapes) < 0.05,
        qPrintable(QStringLiteral("%1 %2").arg(report.columnShapes()).arg(report.resampledShapes)));
    // Copies of the real rows score 1; chance does not. The same rows, the same report.
    const FidelityReport copies =
        FidelityReporter::compare(table, columns, real, real.mid(0, 1000));
    const FidelityReport again = FidelityReporter::compare(table, columns, real, real.mid(0, 1000));
    QVERIFY(copies.resampledPairs < copies.columnPairTrends());
    QCOMPARE(again.resampledPairs, copies.resampledPairs);
    QCOMPARE(again.resampledShapes, copies.resampledShapes);
    QVERIFY(report.summary().contains(QLatin1String("as many real rows drawn at random score")));
    QCOMPARE(report.toJson()
                 .value(QLatin1String("resampled_real"))
                 .toObject()
                 .value(QLatin1String("column_pair_trends"))
                 .toDouble(),
             std::round(report.resampledPairs * 10000) / 10000);
    // Each pair has its own mark: the station's region is told exactly by every real row, yet
    // a thousand of them fill its 200 x 200 table only so far.
    for (const FidelityReport::Pair &pair : report.pairs)
        QVERIFY(pair.resampled >= 0 && pair.resampled <= 1);
    const auto region = std::find_if(report.pairs.begin(), report.pairs.end(), [](auto &p) {
        return p.a == QLatin1String("station") && p.b == QLatin1String("region");
    });
    QVERIFY(region != report.pairs.end());
    QVERIFY2(region->resampled < 0.9 && std::abs(region->score - region->resampled) < 0.1,
             qPrintable(QStringLiteral("%1 %2").arg(region->score).arg(region->resampled)));
    QVERIFY(report.toJson()
                .value(QLatin1String("pairs"))
                .toArray()
                .first()
                .toObject()
                .contains(QLatin1String("resampled_score")));
    // Without new rows there is nothing to compare with.
    QCOMPARE(FidelityReporter::compare(table, columns, real, {}).resampledPairs, -1.0);
}

void TestFidelity::reportSinceRowid()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, c TEXT, "
                                      "d TEXT)")});
    for (int i = 0; i < 100; ++i)
        temp.exec(QStringLiteral("INSERT INTO t (v, c, d) VALUES (?, ?, ?)"),
                  {i, i % 2 ? QStringLiteral("x") : QStringLiteral("y"),
                   QDate(2024, 1, 1).addDays(i).toString(Qt::ISODate)});
    // 50 new rows: numbers beyond the range for half, one new category, nulls in dates.
    for (int i = 0; i < 50; ++i)
        temp.exec(
            QStringLiteral("INSERT INTO t (v, c, d) VALUES (?, ?, ?)"),
            {i < 25 ? i * 2 : 200 + i, i < 40 ? QStringLiteral("x") : QStringLiteral("z"),
             i % 5 ? QVariant(QDate(2024, 1, 1).addDays(i).toString(Qt::ISODate)) : QVariant()});
    QRandomGenerator random(1);
    const FidelityReport report =
        FidelityReporter::sinceRowid(temp.db(), QStringLiteral("t"), 100, random);
    QCOMPARE(report.realRows, 100);
    QCOMPARE(report.syntheticRows, 50);
    QCOMPARE(report.columns[0].name, QStringLiteral("v"));
    QCOMPARE(report.columns[0].kind, QStringLiteral("numeric"));
    QCOMPARE(report.columns[0].boundary, 0.5);
    QCOMPARE(report.columns[1].kind, QStringLiteral("categorical"));
    QCOMPARE(report.columns[1].category, 0.8);
    // real: x 50%, y 50%; new: x 80%, z 20% -> 1 - (0.3 + 0.5 + 0.2) / 2
    QCOMPARE(report.columns[1].shape, 0.5);
    QCOMPARE(report.columns[2].kind, QStringLiteral("datetime"));
    QCOMPARE(report.columns[2].missing, 0.8);
    QCOMPARE(report.columns[2].boundary, 1.0);
    QVERIFY_THROWS_EXCEPTION(
        RowforgeError, FidelityReporter::sinceRowid(temp.db(), QStringLiteral("t"), 150, random));
}

void TestFidelity::reportListsOnlyRulesOfEveryRealRow()
{
    // Rules are mined on the first thousand real rows; one that a later real row breaks is not
    // a rule (it was reported, and new rows scored against it).
    TempDatabase temp({QStringLiteral("CREATE TABLE t (kind TEXT, v INTEGER)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const QStringList columns{QStringLiteral("kind"), QStringLiteral("v")};
    QList<QVariantList> real;
    for (int i = 0; i < 3000; ++i) {
        const bool x = i % 3 == 0;
        const bool null = x ? i == 2502 : i % 2 == 0;
        real << QVariantList{x ? QStringLiteral("x") : QStringLiteral("y"),
                             null ? QVariant() : QVariant(i)};
    }
    auto rulesOf = [&](const QList<QVariantList> &rows) {
        QStringList texts;
        for (const FidelityReport::Rule &rule :
             FidelityReporter::compare(table, columns, rows, rows.mid(0, 100)).rules)
            texts << rule.text;
        return texts;
    };
    const QString rule = QStringLiteral("kind in (x) ⇒ v IS NOT NULL");
    QList<QVariantList> withoutTheException = real;
    withoutTheException[2502][1] = 2502;
    QVERIFY2(rulesOf(withoutTheException).contains(rule),
             qPrintable(rulesOf(withoutTheException).join(u'\n')));
    QVERIFY2(!rulesOf(real).contains(rule), qPrintable(rulesOf(real).join(u'\n')));
}

void TestFidelity::childrenPerParentByHand()
{
    // Real parents have 0, 1, 1, 2 children; new ones 0, 0, 1, 3. CDFs after 0: 1/4 vs 2/4,
    // after 1: 3/4 vs 3/4, after 2: 1 vs 3/4: D = 1/4.
    const FidelityReport::Children children = FidelityReporter::children(
        QStringLiteral("orders"), {QStringLiteral("customer_id")}, {0, 1, 1, 2}, {0, 0, 1, 3});
    QCOMPARE(children.shape, 0.75);
    QCOMPARE(children.realZeroShare, 0.25);
    QCOMPARE(children.syntheticZeroShare, 0.5);
    QCOMPARE(children.realMean, 1.0);
    QCOMPARE(children.syntheticMean, 1.0);
    QCOMPARE(children.realParents, 4);
    QCOMPARE(children.key, QStringLiteral("customer_id"));
    FidelityReport report;
    report.children << children;
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QLatin1String("children_per_parent"))[0]
                 .toObject()
                 .value(QLatin1String("ks_complement"))
                 .toDouble(),
             0.75);
}

void TestFidelity::rulesAcrossAForeignKeyAreScored()
{
    // Every real order is placed on or after its customer's signup; of the new ones, 10 of 40
    // are placed before it. The report mines the rule across the key and counts them.
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, signup TEXT)"),
         QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER "
                        "REFERENCES customers (id), placed TEXT)")});
    for (int c = 0; c < 50; ++c)
        temp.exec(QStringLiteral("INSERT INTO customers (signup) VALUES (?)"),
                  {QDate(2024, 1, 1).addDays(c * 3).toString(Qt::ISODate)});
    auto placed = [](int customer, int days) {
        return QDate(2024, 1, 1).addDays((customer - 1) * 3 + days).toString(Qt::ISODate);
    };
    for (int i = 0; i < 200; ++i)
        temp.exec(QStringLiteral("INSERT INTO orders (customer_id, placed) VALUES (?, ?)"),
                  {1 + i % 50, placed(1 + i % 50, i % 40)});
    for (int i = 0; i < 40; ++i)
        temp.exec(QStringLiteral("INSERT INTO orders (customer_id, placed) VALUES (?, ?)"),
                  {1 + i % 50, placed(1 + i % 50, i < 10 ? -1 - i : i)});
    QRandomGenerator random(1);
    const FidelityReport report =
        FidelityReporter::sinceRowid(temp.db(), QStringLiteral("orders"), 200, random);
    const auto rule = std::find_if(report.rules.begin(), report.rules.end(), [](const auto &r) {
        return r.kind == QLatin1String("after_parent");
    });
    QVERIFY(rule != report.rules.end());
    QCOMPARE(rule->text, QStringLiteral("placed ≥ customers.signup (by customer_id)"));
    QCOMPARE(rule->broken, 10);
    QCOMPARE(rule->kept, 0.75);
}

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_Fidelity.moc"
