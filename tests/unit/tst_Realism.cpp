// Rows that hold together: each rule miner on tables built for it (and not fooled by chance),
// the joint model (spend given plan, NULLs given status, correlated numbers), the property
// that every rule mined from a table holds in the rows generated from it, unique codes and
// date series, and the report's new metrics against values computed by hand.
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "fidelity/CloseRecords.h"
#include "fidelity/FidelityMetrics.h"
#include "fidelity/FidelityReporter.h"
#include "fidelity/PairTrends.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "recipe/RecipeValue.h"
#include "recipe/RuleMiner.h"
#include "recipe/RuleSet.h"
#include "recipe/TreeLearner.h"
#include "util/RowforgeError.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>
#include <cmath>

namespace {

QVariant text(const char *value)
{
    return QString::fromUtf8(value);
}

// The mined rules of one kind, as compact JSON text.
QStringList rulesOf(const QJsonArray &rules, const QString &kind)
{
    QStringList found;
    for (const QJsonValue &rule : rules) {
        if (rule[QLatin1String("rule")].toString() == kind)
            found << QString::fromUtf8(
                QJsonDocument(rule.toObject()).toJson(QJsonDocument::Compact));
    }
    return found;
}

// A table whose rows hold together the way real ones do: a plan drives the spend (free spends
// nothing), a status drives whether there is a ship date, low <= high, a city fixes its
// country and its phone prefix, total = qty * price, and the month is always the 1st.
const char *const Schema =
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, plan TEXT NOT NULL, spend REAL NOT NULL, "
    "status TEXT NOT NULL, shipped TEXT, low REAL, high REAL, city TEXT NOT NULL, country TEXT "
    "NOT NULL, phone TEXT, qty INTEGER, price REAL, total REAL, month TEXT)";

void seedAccounts(TempDatabase &temp, int rows, quint32 seed)
{
    QRandomGenerator random(seed);
    const QStringList plans{QStringLiteral("free"), QStringLiteral("basic"), QStringLiteral("pro")};
    const QStringList statuses{QStringLiteral("pending"), QStringLiteral("shipped"),
                               QStringLiteral("delivered"), QStringLiteral("cancelled")};
    const QList<QStringList> places{
        {QStringLiteral("Madrid"), QStringLiteral("Spain"), QStringLiteral("+34 91")},
        {QStringLiteral("Lyon"), QStringLiteral("France"), QStringLiteral("+33 4")},
        {QStringLiteral("Paris"), QStringLiteral("France"), QStringLiteral("+33 1")},
        {QStringLiteral("Tokyo"), QStringLiteral("Japan"), QStringLiteral("+81 3")}};
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < rows; ++i) {
        const QString plan = plans[int(random.bounded(3))];
        const double spend = plan == QLatin1String("free")    ? 0
                             : plan == QLatin1String("basic") ? 10 + random.bounded(10)
                                                              : 300 + random.bounded(500);
        const QString status = statuses[int(random.bounded(4))];
        const bool ships =
            status == QLatin1String("shipped") || status == QLatin1String("delivered");
        const double low = random.bounded(100.0);
        const QStringList &place = places[int(random.bounded(4))];
        const int qty = 1 + int(random.bounded(5));
        const double price = double(100 + random.bounded(900)) / 100;
        const QDate month = QDate(2020, 1, 1).addMonths(int(random.bounded(48)));
        temp.exec(QStringLiteral("INSERT INTO accounts (plan, spend, status, shipped, low, high, "
                                 "city, country, phone, qty, price, total, month) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, round(? * ?, 2), ?)"),
                  {plan, spend, status,
                   ships ? QVariant(QDate(2024, 1, 1).addDays(i % 300).toString(Qt::ISODate))
                         : QVariant(),
                   low, low + random.bounded(50.0), place[0], place[1],
                   QStringLiteral("%1 %2 %3")
                       .arg(place[2])
                       .arg(100 + random.bounded(900))
                       .arg(1000 + random.bounded(9000)),
                   qty, price, qty, price, month.toString(Qt::ISODate)});
    }
    temp.exec(QStringLiteral("COMMIT"));
}

QList<QVariantList> rowsOf(TempDatabase &temp, const QStringList &columns, const QString &where)
{
    QSqlQuery query(temp.db());
    QStringList quoted;
    for (const QString &column : columns)
        quoted << u'"' + column + u'"';
    query.exec(QStringLiteral("SELECT %1 FROM accounts WHERE %2 ORDER BY rowid")
                   .arg(quoted.join(u','), where));
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < columns.size(); ++c)
            row << query.value(c);
        rows << row;
    }
    return rows;
}

const QStringList Columns{
    QStringLiteral("plan"),    QStringLiteral("spend"),   QStringLiteral("status"),
    QStringLiteral("shipped"), QStringLiteral("low"),     QStringLiteral("high"),
    QStringLiteral("city"),    QStringLiteral("country"), QStringLiteral("phone"),
    QStringLiteral("qty"),     QStringLiteral("price"),   QStringLiteral("total"),
    QStringLiteral("month")};

RecipeRunResult generate(TempDatabase &temp, const QString &table, qint64 rows, quint32 seed)
{
    QRandomGenerator random(seed);
    const TableInfo info = SchemaReader::require(temp.db(), table);
    const QJsonObject recipe = RecipeLearner::learn(temp.db(), info, random);
    RecipeRunOptions options;
    options.rows = rows;
    return RecipeRunner::run(temp.db(), info, recipe, options, random);
}

} // namespace

class TestRealism : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minesEachKindOfRule();
    void chanceIsNotARule();
    void ruleSetChecksRepairsAndDerives();
    void badRulesAreClearErrors();
    void minedRulesHoldInGeneratedRows();
    void jointModelKeepsConditionalsAndCorrelation();
    void independentColumnsGetNoTree();
    void pointMassesAndRepeatedRowsKeepTheirShare();
    void copiesTradeAColumnAndKeepEveryShare();
    void uniqueCodesAndDateSeries();
    void compositeUniqueKeysAreCheckedFirst();
    void seriesKeepsItsSeasons();
    void pairMetricsByHand();
    void distanceToClosestRecordByHand();
    void reportListsRulesAndPairs();
};

void TestRealism::minesEachKindOfRule()
{
    TempDatabase temp({QString::fromUtf8(Schema)});
    seedAccounts(temp, 400, 7);
    const QJsonArray rules = RuleMiner::mine(Columns, rowsOf(temp, Columns, QStringLiteral("1")));
    QVERIFY(rulesOf(rules, QStringLiteral("order"))
                .contains(QStringLiteral("{\"columns\":[\"low\",\"high\"],\"rule\":\"order\"}")));
    const QStringList determines = rulesOf(rules, QStringLiteral("determines"));
    QVERIFY2(std::any_of(determines.begin(), determines.end(),
                         [](const QString &r) {
                             return r.contains(QLatin1String("\"column\":\"city\"")) &&
                                    r.contains(QLatin1String("\"then\":\"country\"")) &&
                                    r.contains(QLatin1String("\"Lyon\":\"France\""));
                         }),
             qPrintable(determines.join(u'\n')));
    QVERIFY(
        rulesOf(rules, QStringLiteral("null_if"))
            .contains(QStringLiteral("{\"column\":\"shipped\",\"in\":[\"cancelled\","
                                     "\"pending\"],\"rule\":\"null_if\",\"when\":\"status\"}")));
    QVERIFY(rulesOf(rules, QStringLiteral("not_null_if"))
                .contains(QStringLiteral("{\"column\":\"shipped\",\"in\":[\"delivered\","
                                         "\"shipped\"],\"rule\":\"not_null_if\",\"when\":"
                                         "\"status\"}")));
    const QStringList prefixes = rulesOf(rules, QStringLiteral("prefix"));
    QCOMPARE(prefixes.size(), 1);
    QVERIFY2(prefixes[0].contains(QLatin1String("\"given\":\"city\"")) &&
                 prefixes[0].contains(QLatin1String("\"Madrid\":\"+34 91\"")) &&
                 prefixes[0].contains(QLatin1String("\"words\":2")),
             qPrintable(prefixes[0]));
    QVERIFY(rulesOf(rules, QStringLiteral("product"))
                .contains(QStringLiteral("{\"column\":\"total\",\"decimals\":2,\"of\":[\"qty\","
                                         "\"price\"],\"rule\":\"product\"}")));
    QVERIFY(rulesOf(rules, QStringLiteral("granularity"))
                .contains(QStringLiteral("{\"column\":\"month\",\"format\":\"yyyy-MM-dd\","
                                         "\"rule\":\"granularity\",\"unit\":\"month\"}")));
    QCOMPARE(rulesOf(rules, QStringLiteral("parses")).size(), 2); // shipped, month

    // Weekdays only: 30 business days in a row.
    QList<QVariantList> days;
    for (QDate day(2024, 3, 4); days.size() < 30; day = day.addDays(1)) {
        if (day.dayOfWeek() <= 5)
            days << QVariantList{day.toString(Qt::ISODate)};
    }
    QCOMPARE(
        rulesOf(RuleMiner::mine({QStringLiteral("day")}, days), QStringLiteral("weekdays")).size(),
        1);
}

void TestRealism::chanceIsNotARule()
{
    // 20 rows where a <= b by accident is likely: b's values all sit above a's range.
    QList<QVariantList> apart, overlapping;
    QRandomGenerator random(3);
    for (int i = 0; i < 30; ++i) {
        apart << QVariantList{random.bounded(10.0), 100 + random.bounded(10.0)};
        const double a = random.bounded(100.0);
        overlapping << QVariantList{a, random.bounded(100.0)}; // broken somewhere
    }
    QVERIFY(rulesOf(RuleMiner::mine({QStringLiteral("a"), QStringLiteral("b")}, apart),
                    QStringLiteral("order"))
                .isEmpty());
    QVERIFY(rulesOf(RuleMiner::mine({QStringLiteral("a"), QStringLiteral("b")}, overlapping),
                    QStringLiteral("order"))
                .isEmpty());
    // A NULL in 3 of 4 rows of one category is no rule; 12 rows are too few to tell.
    QList<QVariantList> few;
    for (int i = 0; i < 12; ++i)
        few << QVariantList{text(i % 2 ? "x" : "y"), i % 2 ? QVariant() : QVariant(1)};
    QVERIFY(RuleMiner::mine({QStringLiteral("k"), QStringLiteral("v")}, few).isEmpty());
}

void TestRealism::ruleSetChecksRepairsAndDerives()
{
    const QHash<QString, int> index{
        {QStringLiteral("a"), 0}, {QStringLiteral("b"), 1}, {QStringLiteral("c"), 2}};
    const QJsonArray json = QJsonDocument::fromJson(R"([
        {"rule": "order", "columns": ["a", "b"]},
        {"rule": "sum", "column": "c", "of": ["a", "b"], "decimals": 0}])")
                                .array();
    const RuleSet rules = RuleSet::compile(json, index, [](int) { return SqlAffinity::Integer; });
    std::vector<GeneratedValue> row(3);
    row[0].setInteger(5);
    row[1].setInteger(2);
    row[2].setInteger(1);
    QCOMPARE(rules.firstBroken(row), 0);
    QVERIFY(rules.repair(0, row));
    QCOMPARE(row[0].integer, 2);
    QCOMPARE(row[1].integer, 5);
    QCOMPARE(rules.firstBroken(row), 1); // 2 + 5 is not 1
    rules.derive(row);
    QCOMPARE(row[2].integer, 7);
    QCOMPARE(rules.firstBroken(row), -1);
    QCOMPARE(rules.describe(0), QStringLiteral("a ≤ b"));
    QCOMPARE(rules.describe(1), QStringLiteral("c = a + b"));
}

void TestRealism::badRulesAreClearErrors()
{
    const QHash<QString, int> index{{QStringLiteral("a"), 0}, {QStringLiteral("b"), 1}};
    auto message = [&index](const char *json) {
        try {
            RuleSet::compile(QJsonDocument::fromJson(json).array(), index,
                             [](int) { return SqlAffinity::Text; });
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    QCOMPARE(message(R"([{"rule": "order", "columns": ["a", "z"]}])"),
             QStringLiteral("Recipe: rules[0].columns names \"z\", which is not a column of the "
                            "recipe"));
    QCOMPARE(message(R"([{"rule": "order", "columns": ["a"]}])"),
             QStringLiteral("Recipe: rules[0].columns must list two column names"));
    QVERIFY(
        message(R"([{"rule": "often"}])")
            .startsWith(QStringLiteral("Recipe: rules[0].rule \"often\" is not one of: order,")));
    QCOMPARE(
        message(R"([{"rule": "granularity", "column": "a", "format": "yyyy", "unit": "week"}])"),
        QStringLiteral("Recipe: rules[0].unit must be one of: year,month,day,hour,minute"));
}

void TestRealism::minedRulesHoldInGeneratedRows()
{
    // The property: whatever holds in every real row holds in every generated row.
    for (const quint32 seed : {1u, 2u, 3u}) {
        TempDatabase temp({QString::fromUtf8(Schema)});
        seedAccounts(temp, 300, seed);
        const RecipeRunResult run = generate(temp, QStringLiteral("accounts"), 2000, seed);
        QCOMPARE(run.inserted, 2000);
        const QList<QVariantList> real = rowsOf(temp, Columns, QStringLiteral("id <= 300"));
        const QList<QVariantList> fresh = rowsOf(temp, Columns, QStringLiteral("id > 300"));
        const QJsonArray mined = RuleMiner::mine(Columns, real);
        QVERIFY(mined.size() >= 8);
        QHash<QString, int> index;
        for (int c = 0; c < Columns.size(); ++c)
            index.insert(Columns[c], c);
        const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("accounts"));
        const RuleSet rules = RuleSet::compile(
            mined, index, [&](int c) { return info.column(Columns[c])->affinity; });
        std::vector<GeneratedValue> row(size_t(Columns.size()));
        for (const QVariantList &values : fresh) {
            for (int c = 0; c < Columns.size(); ++c)
                row[size_t(c)] = RecipeValue::fromVariant(values[c]);
            const int broken = rules.firstBroken(row);
            QVERIFY2(broken < 0,
                     qPrintable(QStringLiteral("seed %1: %2 broken by %3")
                                    .arg(seed)
                                    .arg(broken < 0 ? QString() : rules.describe(broken))
                                    .arg(QVariant(values).toStringList().join(u'|'))));
        }
    }
}

void TestRealism::jointModelKeepsConditionalsAndCorrelation()
{
    TempDatabase temp({QString::fromUtf8(Schema)});
    seedAccounts(temp, 400, 5);
    generate(temp, QStringLiteral("accounts"), 3000, 9);
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
        const QList<QVariantList> rows =
            rowsOf(temp, {QStringLiteral("low"), QStringLiteral("high")}, QString::fromUtf8(where));
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

void TestRealism::pointMassesAndRepeatedRowsKeepTheirShare()
{
    // Many new rows of this table would copy a real or an earlier new one, "a" rows most of all
    // (1,800 real ones over 6,000 combinations of n and amount). Refusing copies whole took the
    // typical rows out: "a" fell from 60% to about 51%. Drawing one column again keeps the
    // shares, and still no row is a copy.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (kind TEXT, n INTEGER, amount INTEGER)"),
                       QStringLiteral("CREATE TABLE z (kind TEXT, score REAL, spend REAL)")});
    QRandomGenerator random(11);
    for (int i = 0; i < 3000; ++i) {
        const int k = random.bounded(10);
        temp.exec(QStringLiteral("INSERT INTO t VALUES (?, ?, ?)"),
                  {k < 6   ? "a"
                   : k < 9 ? "b"
                           : "c",
                   1 + random.bounded(6), 1 + random.bounded(1000)});
        // Spend 0 in 70% of rows, else spread: an exact zero, not values near it.
        temp.exec(QStringLiteral("INSERT INTO z VALUES (?, round(?, 2), ?)"),
                  {k < 5 ? "x" : "y", random.bounded(100.0),
                   random.bounded(10) < 7 ? 0.0 : 1 + random.bounded(900.0)});
    }
    generate(temp, QStringLiteral("t"), 2000, 3);
    const double a =
        temp.scalar(QStringLiteral("SELECT avg(kind = 'a') FROM t WHERE rowid > 3000")).toDouble();
    QVERIFY2(std::fabs(a - 0.6) < 0.04, qPrintable(QString::number(a)));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t n WHERE n.rowid > 3000 AND "
                                        "EXISTS (SELECT 1 FROM t o WHERE o.rowid <= 3000 AND "
                                        "o.kind = n.kind AND o.n = n.n AND o.amount = n.amount)"))
                 .toInt(),
             0);

    generate(temp, QStringLiteral("z"), 3000, 4);
    const double zeros =
        temp.scalar(QStringLiteral("SELECT avg(spend = 0) FROM z WHERE rowid > 3000")).toDouble();
    QVERIFY2(std::fabs(zeros - 0.7) < 0.03, qPrintable(QString::number(zeros)));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM z WHERE rowid > 3000 AND spend > 0 "
                                        "AND spend < 1"))
                 .toInt(),
             0);
}

void TestRealism::copiesTradeAColumnAndKeepEveryShare()
{
    // A survey: seven answers from 1 to 5, each mostly 5, the second following the first. One
    // draw in six copies a real row or an earlier new one, and copies are made of the commonest
    // answers: which rows are kept instead decides the shares. Drawing a column of a copy again
    // moved mass off each column's commonest answer; trading a column with a fresh row drawn in
    // the same context keeps the shares and the pair.
    TempDatabase temp({QStringLiteral("CREATE TABLE s (a INTEGER, b INTEGER, c INTEGER, "
                                      "d INTEGER, e INTEGER, f INTEGER, g INTEGER)")});
    QRandomGenerator random(5);
    auto answer = [&random]() {
        const int p = random.bounded(100);
        return p < 35 ? 5 : p < 60 ? 4 : p < 80 ? 3 : p < 92 ? 2 : 1;
    };
    for (int i = 0; i < 2000; ++i) {
        const int a = answer();
        const int b = random.bounded(2) ? a : answer();
        temp.exec(QStringLiteral("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {a, b, answer(), answer(), answer(), answer(), answer()});
    }
    const QString real = QStringLiteral("rowid <= 2000");
    const QString made = QStringLiteral("rowid > 2000");
    const double realRepeats =
        temp.scalar(QStringLiteral("SELECT 1 - count(*) / 2000.0 FROM (SELECT DISTINCT a, b, c, d, "
                                   "e, f, g FROM s)"))
            .toDouble();
    generate(temp, QStringLiteral("s"), 3000, 6);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM s n WHERE n.rowid > 2000 AND "
                                        "EXISTS (SELECT 1 FROM s o WHERE o.rowid <= 2000 AND "
                                        "o.a = n.a AND o.b = n.b AND o.c = n.c AND o.d = n.d AND "
                                        "o.e = n.e AND o.f = n.f AND o.g = n.g)"))
                 .toInt(),
             0);
    // Copies are made of common answers: whatever takes them out moves each column's mass off
    // its commonest answer (5). Over seven columns that shows as a mean shortfall.
    double shortfall = 0;
    for (const char *column : {"a", "b", "c", "d", "e", "f", "g"}) {
        const double realShare = temp.scalar(QStringLiteral("SELECT avg(%1 = 5) FROM s WHERE %2")
                                                 .arg(QLatin1String(column), real))
                                     .toDouble();
        const double newShare = temp.scalar(QStringLiteral("SELECT avg(%1 = 5) FROM s WHERE %2")
                                                .arg(QLatin1String(column), made))
                                    .toDouble();
        shortfall += (realShare - newShare) / 7;
    }
    // Drawing a column of a copy again fell 0.016 to 0.020 short (seeds 6 to 8); trading
    // within 0.003.
    QVERIFY2(
        std::fabs(shortfall) < 0.008,
        qPrintable(QStringLiteral("%1 (%2 of real rows repeat)").arg(shortfall).arg(realRepeats)));
    auto together = [&temp](const QString &where) {
        return temp.scalar(QStringLiteral("SELECT avg(a = b) FROM s WHERE %1").arg(where))
            .toDouble();
    };
    QVERIFY2(std::fabs(together(made) - together(real)) < 0.05,
             qPrintable(QStringLiteral("%1 vs %2").arg(together(made)).arg(together(real))));
}

void TestRealism::uniqueCodesAndDateSeries()
{
    // Airport-like codes: 3 letters, a fifth of the 17,576 in use.
    TempDatabase temp({QStringLiteral("CREATE TABLE codes (code TEXT PRIMARY KEY, n INTEGER)"),
                       QStringLiteral("CREATE TABLE days (day TEXT NOT NULL UNIQUE, temp REAL)"),
                       QStringLiteral("CREATE TABLE years (year TEXT UNIQUE, n REAL)"),
                       QStringLiteral("CREATE TABLE gappy (day TEXT UNIQUE, n REAL)"),
                       QStringLiteral("CREATE TABLE long (day TEXT UNIQUE, n REAL)"),
                       QStringLiteral("CREATE TABLE sparse (day TEXT UNIQUE, n REAL)")});
    QRandomGenerator random(8);
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 3500; ++i) {
        QString code;
        for (int c = 0; c < 3; ++c)
            code += QChar(u'A' + random.bounded(26));
        temp.exec(QStringLiteral("INSERT OR IGNORE INTO codes VALUES (?, ?)"), {code, i});
    }
    for (int i = 0; i < 365; ++i)
        temp.exec(QStringLiteral("INSERT INTO days VALUES (?, ?)"),
                  {QDate(2023, 1, 1).addDays(i).toString(Qt::ISODate), random.bounded(30.0)});
    for (int i = 0; i < 30; ++i)
        temp.exec(QStringLiteral("INSERT INTO years VALUES (?, ?)"),
                  {QStringLiteral("%1-01-01").arg(1970 + i), random.bounded(30.0)});
    // Four years of days with 45% of them missing; 20 years of days (more than a sample
    // holds); and 300 distinct days scattered over 20 years, which is no series.
    for (int i = 0; i < 1461; ++i) {
        const QString day = QDate(2012, 1, 1).addDays(i).toString(Qt::ISODate);
        if (random.bounded(100) >= 45)
            temp.exec(QStringLiteral("INSERT INTO gappy VALUES (?, ?)"), {day, i});
    }
    for (int i = 0; i < 7305; ++i)
        temp.exec(QStringLiteral("INSERT INTO long VALUES (?, ?)"),
                  {QDate(2000, 1, 1).addDays(i).toString(Qt::ISODate), i});
    for (int i = 0; i < 300; ++i)
        temp.exec(QStringLiteral("INSERT OR IGNORE INTO sparse VALUES (?, ?)"),
                  {QDate(2000, 1, 1).addDays(random.bounded(7305)).toString(Qt::ISODate), i});
    temp.exec(QStringLiteral("COMMIT"));
    QCOMPARE(generate(temp, QStringLiteral("codes"), 1000, 1).inserted, 1000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM codes WHERE rowid > 3300 AND code "
                                        "NOT GLOB '[A-Z][A-Z][A-Z]'"))
                 .toInt(),
             0);
    // A daily series continues day after day past its last day; a yearly one year by year.
    QCOMPARE(generate(temp, QStringLiteral("days"), 30, 1).inserted, 30);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(day) FROM (SELECT day FROM days "
                                        "WHERE rowid > 365 ORDER BY rowid LIMIT 3)"))
                 .toString(),
             QStringLiteral("2024-01-01,2024-01-02,2024-01-03"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT max(day) FROM days")).toString(),
             QStringLiteral("2024-01-30"));
    QCOMPARE(generate(temp, QStringLiteral("years"), 5, 1).inserted, 5);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT group_concat(year) FROM (SELECT year FROM years "
                                        "WHERE rowid > 30 ORDER BY rowid)"))
                 .toString(),
             QStringLiteral("2000-01-01,2001-01-01,2002-01-01,2003-01-01,2004-01-01"));
    // More new days than the gaps hold: the series goes on past its last day (it stopped
    // after the gaps were used up, "all refused").
    QCOMPARE(generate(temp, QStringLiteral("gappy"), 1000, 1).inserted, 1000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT min(day) FROM gappy WHERE rowid > 800 AND "
                                        "day > '2015-12-31'"))
                 .toString(),
             QStringLiteral("2016-01-01"));
    QCOMPARE(generate(temp, QStringLiteral("long"), 10, 1).inserted, 10);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT min(day) || ' ' || max(day) FROM long WHERE "
                                        "rowid > 7305"))
                 .toString(),
             QStringLiteral("2020-01-01 2020-01-10"));
    // Scattered days stay within their range.
    QCOMPARE(generate(temp, QStringLiteral("sparse"), 100, 1).inserted, 100);
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT count(*) FROM sparse WHERE day > '2019-12-31'")).toInt(),
        0);
}

void TestRealism::compositeUniqueKeysAreCheckedFirst()
{
    // 4 stations x 50 days, 190 of the 200 pairs taken: only new pairs may be made, and none
    // is refused by SQLite (the engine finds the taken ones in memory).
    TempDatabase temp({QStringLiteral("CREATE TABLE readings (station TEXT NOT NULL, day INTEGER "
                                      "NOT NULL, value REAL, UNIQUE (station, day))")});
    int taken = 0;
    for (int s = 0; s < 4; ++s) {
        for (int d = 0; d < 50 && taken < 190; ++d, ++taken)
            temp.exec(QStringLiteral("INSERT INTO readings VALUES (?, ?, ?)"),
                      {QStringLiteral("S%1").arg(s), 1000 + d * 7 % 50, d * 0.5});
    }
    const RecipeRunResult run = generate(temp, QStringLiteral("readings"), 10, 2);
    QCOMPARE(run.inserted, 10);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM (SELECT station, day FROM readings "
                                        "GROUP BY 1, 2 HAVING count(*) > 1)"))
                 .toInt(),
             0);
}

void TestRealism::seriesKeepsItsSeasons()
{
    // Three years of daily temperatures, cold in January and warm in July; the next year
    // must be too, though its dates are all past the last real one.
    TempDatabase temp({QStringLiteral("CREATE TABLE weather (day TEXT NOT NULL UNIQUE, "
                                      "temperature REAL NOT NULL, kind TEXT NOT NULL)")});
    QRandomGenerator random(6);
    temp.exec(QStringLiteral("BEGIN"));
    for (QDate day(2020, 1, 1); day.year() < 2023; day = day.addDays(1)) {
        const double season = -std::cos(2 * M_PI * (day.dayOfYear() - 15) / 365.25);
        const double temperature = std::round((12 + 10 * season + random.bounded(4.0)) * 10) / 10;
        temp.exec(QStringLiteral("INSERT INTO weather VALUES (?, ?, ?)"),
                  {day.toString(Qt::ISODate), temperature,
                   temperature < 5 ? QStringLiteral("frost") : QStringLiteral("mild")});
    }
    temp.exec(QStringLiteral("COMMIT"));
    const qint64 real = temp.scalar(QStringLiteral("SELECT count(*) FROM weather")).toLongLong();
    QCOMPARE(generate(temp, QStringLiteral("weather"), 365, 3).inserted, 365);
    auto mean = [&temp, real](const char *month) {
        return temp
            .scalar(QStringLiteral("SELECT avg(temperature) FROM weather WHERE rowid > ? AND "
                                   "substr(day, 6, 2) = ?"),
                    {real, QString::fromLatin1(month)})
            .toDouble();
    };
    QVERIFY2(mean("07") - mean("01") > 15,
             qPrintable(QStringLiteral("%1 %2").arg(mean("01")).arg(mean("07"))));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM weather WHERE rowid > ? AND kind = "
                                        "'frost' AND substr(day, 6, 2) IN ('06', '07', '08')"),
                         {real})
                 .toInt(),
             0);
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
    TempDatabase temp({QString::fromUtf8(Schema)});
    seedAccounts(temp, 200, 12);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("accounts"));
    const QList<QVariantList> real = rowsOf(temp, Columns, QStringLiteral("1"));
    // New rows that break two rules: a free plan that spends, and low above high.
    QList<QVariantList> synthetic = real.mid(0, 100);
    for (int i = 0; i < 10; ++i) {
        synthetic[i][0] = QStringLiteral("free");
        synthetic[i][1] = 931.93;
        synthetic[i][4] = 99.0;
        synthetic[i][5] = 1.0;
    }
    const FidelityReport report = FidelityReporter::compare(table, Columns, real, synthetic);
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
