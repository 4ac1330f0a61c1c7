// The engine's Gaussian copula (CopulaLink, CopulaLearner) and what it is for: small tables
// keep how their numbers move together, and a tiny one keeps its order; a heavy-tailed number
// is split by what it depends on.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "fidelity/FidelityMetrics.h"
#include "recipe/CopulaLearner.h"
#include "recipe/QuantileSampler.h"
#include "recipe/RecipeCompiler.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>
#include <cmath>

namespace {

std::vector<double> column(TempDatabase &temp, const QString &sql)
{
    std::vector<double> values;
    QSqlQuery query(temp.db());
    if (!query.exec(sql))
        return values;
    while (query.next())
        values.push_back(query.value(0).toDouble());
    return values;
}

// Spearman's rank correlation.
double spearman(const std::vector<double> &x, const std::vector<double> &y)
{
    std::vector<int> all(x.size());
    std::iota(all.begin(), all.end(), 0);
    auto ranks = [&all](const std::vector<double> &v) {
        std::vector<double> r(v.size());
        std::vector<int> order = all;
        std::sort(order.begin(), order.end(),
                  [&v](int a, int b) { return v[size_t(a)] < v[size_t(b)]; });
        for (size_t i = 0; i < order.size(); ++i)
            r[size_t(order[i])] = double(i);
        return r;
    };
    return FidelityMetrics::pearson(ranks(x), ranks(y));
}

QString refusal(const QJsonObject &copula)
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a REAL, b REAL, c TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const QJsonObject number{{QStringLiteral("generator"), QStringLiteral("number")},
                             {QStringLiteral("quantiles"), QJsonArray{0, 10}}};
    QJsonObject b = number;
    b.insert(QStringLiteral("copula"), copula);
    const QJsonObject recipe{
        {QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
        {QStringLiteral("columns"),
         QJsonObject{{QStringLiteral("a"), number},
                     {QStringLiteral("b"), b},
                     {QStringLiteral("c"),
                      QJsonObject{{QStringLiteral("generator"), QStringLiteral("constant")},
                                  {QStringLiteral("value"), "x"}}}}}};
    try {
        RecipeCompiler::validate(recipe, table);
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return {};
}

QJsonObject given(const QJsonValue &column, const QJsonArray &quantiles, double weight)
{
    return {{QStringLiteral("column"), column},
            {QStringLiteral("quantiles"), quantiles},
            {QStringLiteral("weight"), weight}};
}

} // namespace

class TestCopula : public QObject
{
    Q_OBJECT
private slots:
    void rankAndAtInvertEachOtherWithAtoms();
    void learnerTakesWhatExplainsAndLeavesNoise();
    void smallTableKeepsHowItsNumbersMoveTogether();
    void tinyTableNeverEndsBeforeItBegins();
    void heavyTailedNumberFollowsItsCategory();
    void badCopulasAreRefusedWithThePlace();
};

void TestCopula::rankAndAtInvertEachOtherWithAtoms()
{
    // Half the values are exactly 5; the rest spread evenly over [0, 20].
    const QuantileSampler sampler({0, 10, 20}, {{5, 0.5}});
    // Below 5: a quarter of the continuous half (0.125); 5 itself takes 0.125 to 0.625.
    QCOMPARE(sampler.rank(5), 0.375);
    QCOMPARE(sampler.at(0.1), 4.0);
    QCOMPARE(sampler.at(0.3), 5.0);
    QCOMPARE(sampler.at(0.8), 12.0);
    QCOMPARE(sampler.rank(12), 0.8);
    QCOMPARE(sampler.at(0), 0.0);
    QCOMPARE(sampler.at(1), 20.0);
    // A run of equal quantiles ranks at its middle.
    QCOMPARE(QuantileSampler({1, 1, 1, 3}).rank(1), 1.0 / 3.0);
    // Ranks drawn evenly give sample()'s distribution: the atom's share, and the same median.
    QRandomGenerator random(3);
    int atoms = 0, below = 0;
    for (int i = 0; i < 20000; ++i) {
        const double value = sampler.at(random.generateDouble());
        atoms += value == 5;
        below += value < 5;
    }
    QVERIFY2(std::abs(atoms / 20000.0 - 0.5) < 0.02, qPrintable(QString::number(atoms)));
    QVERIFY2(std::abs(below / 20000.0 - 0.125) < 0.01, qPrintable(QString::number(below)));
}

void TestCopula::learnerTakesWhatExplainsAndLeavesNoise()
{
    QRandomGenerator random(8);
    std::vector<double> x, noise, y;
    for (int i = 0; i < 200; ++i) {
        x.push_back(random.bounded(100.0));
        noise.push_back(random.bounded(100.0));
        y.push_back(std::exp(x.back() / 20)); // a monotone function of x: ranks alike
    }
    std::vector<int> rows(200);
    std::iota(rows.begin(), rows.end(), 0);
    const std::vector<double> xScores = CopulaLearner::normalScores(x, rows);
    const std::vector<double> noiseScores = CopulaLearner::normalScores(noise, rows);
    const QStringList names{QStringLiteral("x"), QStringLiteral("noise"), QStringLiteral("y")};
    const std::vector<CopulaLearner::Column> candidates{{1, &noise, false, &noiseScores},
                                                        {0, &x, false, &xScores}};
    const QJsonObject copula = CopulaLearner::fit(y, rows, candidates, names);
    const QJsonArray chosen = copula[QLatin1String("given")].toArray();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen[0][QLatin1String("column")].toString(), QStringLiteral("x"));
    QVERIFY(std::abs(chosen[0][QLatin1String("weight")].toDouble() - 1) < 0.01);
    QCOMPARE(copula[QLatin1String("noise")].toDouble(), CopulaLearner::MinNoise);
    QCOMPARE(chosen[0][QLatin1String("quantiles")].toArray().size(), 21);
    // Noise alone explains nothing; too few rows say nothing.
    QVERIFY(CopulaLearner::fit(y, rows, {candidates[0]}, names).isEmpty());
    QVERIFY(CopulaLearner::fit(y, {0, 1, 2, 3, 4, 5, 6}, candidates, names).isEmpty());
    // Normal scores by hand: ranks 1..3 of 3 at (r / 4), ties sharing theirs.
    const std::vector<double> scores =
        CopulaLearner::normalScores({5, 1, 5, std::nan("")}, {0, 1, 2, 3});
    QVERIFY(std::abs(scores[1] - (-0.6745)) < 1e-3);
    QVERIFY(std::abs(scores[0] - 0.3186) < 1e-3 && scores[0] == scores[2]);
    QVERIFY(std::isnan(scores[3]));
}

void TestCopula::smallTableKeepsHowItsNumbersMoveTogether()
{
    // 24 rows, as the Crimean War's monthly deaths: two counts that rise together, one apart.
    TempDatabase temp({QStringLiteral("CREATE TABLE months (disease INTEGER, other INTEGER, "
                                      "unrelated REAL)")});
    QRandomGenerator random(11);
    for (int i = 0; i < 24; ++i) {
        const double level = random.bounded(1000.0);
        temp.exec(QStringLiteral("INSERT INTO months VALUES (?, ?, ?)"),
                  {qRound(level + random.bounded(150.0)), qRound(level / 10 + random.bounded(15.0)),
                   random.bounded(50.0)});
    }
    QCOMPARE(generateOffline(temp, QStringLiteral("months"), 3000, 2).inserted, 3000);
    const QString select = QStringLiteral("SELECT %1 FROM months WHERE rowid %2 24");
    auto rho = [&](const char *a, const char *b, const char *side) {
        return spearman(column(temp, select.arg(QLatin1String(a), QLatin1String(side))),
                        column(temp, select.arg(QLatin1String(b), QLatin1String(side))));
    };
    const double real = rho("disease", "other", "<="), generated = rho("disease", "other", ">");
    QVERIFY2(real > 0.8 && std::abs(real - generated) < 0.1,
             qPrintable(QStringLiteral("%1 vs %2").arg(real).arg(generated)));
    const double apart = rho("disease", "unrelated", ">");
    QVERIFY2(std::abs(apart) < 0.15, qPrintable(QString::number(apart)));
}

void TestCopula::tinyTableNeverEndsBeforeItBegins()
{
    // Twelve reigns: each ends after it begins, and the next begins where it ended.
    TempDatabase temp({QStringLiteral("CREATE TABLE reigns (name TEXT, start INTEGER, "
                                      "\"end\" INTEGER)")});
    const int starts[] = {1565, 1603, 1625, 1649, 1660, 1685, 1689, 1702, 1714, 1727, 1760, 1820};
    for (int i = 0; i < 12; ++i)
        temp.exec(QStringLiteral("INSERT INTO reigns VALUES (?, ?, ?)"),
                  {QStringLiteral("King %1").arg(i), starts[i], i < 11 ? starts[i + 1] : 1830});
    QCOMPARE(generateOffline(temp, QStringLiteral("reigns"), 2000, 6).inserted, 2000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM reigns WHERE rowid > 12 AND "
                                        "\"end\" < start"))
                 .toInt(),
             0);
}

void TestCopula::heavyTailedNumberFollowsItsCategory()
{
    // Deaths by kind of disaster: each kind's counts are log-normal with a wide spread, so a
    // few huge ones make the raw values' variance useless for telling kinds apart. (The
    // magnitude keeps new rows from copying real ones: it is not what is tested.)
    TempDatabase temp({QStringLiteral("CREATE TABLE disasters (kind TEXT NOT NULL, deaths "
                                      "INTEGER NOT NULL, magnitude REAL)")});
    QRandomGenerator random(5);
    const QStringList kinds{QStringLiteral("flood"), QStringLiteral("storm"),
                            QStringLiteral("landslide")};
    for (int i = 0; i < 300; ++i) {
        const int kind = i % 3;
        const double u1 = 1 - random.generateDouble(), u2 = random.generateDouble();
        const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
        temp.exec(QStringLiteral("INSERT INTO disasters VALUES (?, ?, ?)"),
                  {kinds[kind], qRound64(std::exp(10 - 4 * kind + 2 * z)), random.bounded(9.0)});
    }
    QCOMPARE(generateOffline(temp, QStringLiteral("disasters"), 3000, 4).inserted, 3000);
    // Each kind's median, real and new, a factor of e^4 apart from the next.
    for (const QString &kind : kinds) {
        auto median = [&](const char *side) {
            std::vector<double> values =
                column(temp, QStringLiteral("SELECT deaths FROM disasters WHERE kind = '%1' AND "
                                            "rowid %2 300")
                                 .arg(kind, QLatin1String(side)));
            std::sort(values.begin(), values.end());
            return values.empty() ? 0.0 : values[values.size() / 2];
        };
        const double real = median("<="), generated = median(">");
        QVERIFY2(generated > real / 2 && generated < real * 2,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(kind).arg(real).arg(generated)));
    }
}

void TestCopula::badCopulasAreRefusedWithThePlace()
{
    const QJsonArray range{0, 10};
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{given("a", range, 0.8)}},
                                 {QStringLiteral("noise"), 0.6}}),
             QString());
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{}},
                                 {QStringLiteral("noise"), 0.6}}),
             QStringLiteral("Recipe: columns.b.copula.given must be a list of 1 to 8 columns"));
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{given("z", range, 0.8)}},
                                 {QStringLiteral("noise"), 0.6}}),
             QStringLiteral("Recipe: columns.b.copula.given[0].column names \"z\", which is not a "
                            "column of the recipe"));
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{given("b", range, 0.8)}},
                                 {QStringLiteral("noise"), 0.6}}),
             QStringLiteral("Recipe: columns.b.copula.given[0].column cannot name its own column"));
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{given("a", range, 40)}},
                                 {QStringLiteral("noise"), 0.6}}),
             QStringLiteral("Recipe: columns.b.copula.given[0].weight must be between -10 and 10"));
    QCOMPARE(refusal(QJsonObject{
                 {QStringLiteral("given"), QJsonArray{given("a", QJsonArray{9, 1}, 0.8)}},
                 {QStringLiteral("noise"), 0.6}}),
             QStringLiteral("Recipe: columns.b.copula.given[0].quantiles must be in ascending "
                            "order"));
    QCOMPARE(refusal(QJsonObject{{QStringLiteral("given"), QJsonArray{given("a", range, 0.8)}},
                                 {QStringLiteral("noise"), 2}}),
             QStringLiteral("Recipe: columns.b.copula.noise must be between 0 and 1"));
}

QTEST_GUILESS_MAIN(TestCopula)
#include "tst_Copula.moc"
