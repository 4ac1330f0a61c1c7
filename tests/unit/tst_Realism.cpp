// Rows that hold together: each rule miner on tables built for it (and not fooled by chance),
// the joint model (spend given plan, NULLs given status, correlated numbers), the property
// that every rule mined from a table holds in the rows generated from it, and the report's new
// metrics against values computed by hand. Copies, unique keys and series: tst_CopiesAndKeys.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "fidelity/CloseRecords.h"
#include "fidelity/FidelityMetrics.h"
#include "fidelity/FidelityReporter.h"
#include "fidelity/PairTrends.h"
#include "recipe/CompiledRecipe.h"
#include "recipe/EmailGenerator.h"
#include "recipe/NameSlug.h"
#include "recipe/OffsetLearner.h"
#include "recipe/RecipeCompiler.h"
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

QList<QVariantList> rowsOf(TempDatabase &temp, const QStringList &columns, const QString &where,
                           const QString &table = QStringLiteral("accounts"))
{
    QSqlQuery query(temp.db());
    QStringList quoted;
    for (const QString &column : columns)
        quoted << u'"' + column + u'"';
    query.exec(QStringLiteral("SELECT %1 FROM \"%2\" WHERE %3 ORDER BY rowid")
                   .arg(quoted.join(u','), table, where));
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < columns.size(); ++c)
            row << query.value(c);
        rows << row;
    }
    return rows;
}

// Matches between `teams` teams, none against itself: home, away.
QList<QVariantList> matches(int count, int teams, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QVariantList> rows;
    for (int i = 0; i < count; ++i) {
        const int home = int(random.bounded(teams));
        const int away = (home + 1 + int(random.bounded(teams - 1))) % teams;
        rows << QVariantList{QStringLiteral("team %1").arg(home),
                             QStringLiteral("team %1").arg(away)};
    }
    return rows;
}

// Flights between `airports` airports: origin, destination, distance (fixed by the route, by
// neither end alone), delay.
QList<QVariantList> flights(int count, int airports, quint32 seed)
{
    const QList<QVariantList> routes = matches(count, airports, seed);
    QRandomGenerator random(seed);
    QList<QVariantList> rows;
    for (const QVariantList &route : routes) {
        const int from = route[0].toString().section(u' ', 1).toInt();
        const int to = route[1].toString().section(u' ', 1).toInt();
        rows << QVariantList{route[0], route[1], 100 * (from + 1) * (to + 1) + 7 * (from + to),
                             int(random.bounded(120)) - 20};
    }
    return rows;
}

const QStringList Columns{
    QStringLiteral("plan"),    QStringLiteral("spend"),   QStringLiteral("status"),
    QStringLiteral("shipped"), QStringLiteral("low"),     QStringLiteral("high"),
    QStringLiteral("city"),    QStringLiteral("country"), QStringLiteral("phone"),
    QStringLiteral("qty"),     QStringLiteral("price"),   QStringLiteral("total"),
    QStringLiteral("month")};

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
    void noTeamPlaysItself();
    void aRouteKeepsItsDistance();
    void aForecastFollowsItsBudgetYear();
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

    // No team plays itself: 8 teams, 60 matches (by chance a pair would meet 1 time in 8).
    QCOMPARE(rulesOf(RuleMiner::mine({QStringLiteral("home"), QStringLiteral("away")},
                                     matches(60, 8, 5)),
                     QStringLiteral("differs")),
             QStringList{QStringLiteral("{\"columns\":[\"home\",\"away\"],\"rule\":\"differs\"}")});

    // A route fixes its distance, neither end alone: 6 airports, 200 flights.
    const QStringList routes =
        rulesOf(RuleMiner::mine({QStringLiteral("origin"), QStringLiteral("destination"),
                                 QStringLiteral("distance"), QStringLiteral("delay")},
                                flights(200, 6, 5)),
                QStringLiteral("determines"));
    QVERIFY2(routes.size() == 1, qPrintable(routes.join(u'\n').left(2000)));
    QVERIFY2(routes[0].startsWith(
                 QLatin1String("{\"columns\":[\"origin\",\"destination\"],\"map\":[[[\"team ")) &&
                 routes[0].contains(QLatin1String("[[\"team 1\",\"team 2\"],621]")) &&
                 routes[0].endsWith(QLatin1String("\"then\":\"distance\"}")),
             qPrintable(routes[0]));
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
    // 30 teams in 20 matches meet by chance too rarely to tell; one team playing itself in 60
    // matches breaks the rule.
    const QStringList teams{QStringLiteral("home"), QStringLiteral("away")};
    QVERIFY(
        rulesOf(RuleMiner::mine(teams, matches(20, 30, 5)), QStringLiteral("differs")).isEmpty());
    QList<QVariantList> once = matches(60, 8, 5);
    once[17][1] = once[17][0];
    QVERIFY(rulesOf(RuleMiner::mine(teams, once), QStringLiteral("differs")).isEmpty());
    // A route flown once each tells nothing of its distance: 30 airports, 40 flights.
    const QStringList flightColumns{QStringLiteral("origin"), QStringLiteral("destination"),
                                    QStringLiteral("distance"), QStringLiteral("delay")};
    QVERIFY(
        rulesOf(RuleMiner::mine(flightColumns, flights(40, 30, 2)), QStringLiteral("determines"))
            .isEmpty());
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

    // Two values that must differ: 3 and 3.0 are the same number, "3" the same text.
    const RuleSet differs = RuleSet::compile(
        QJsonDocument::fromJson(R"([{"rule": "differs", "columns": ["a", "b"]}])").array(), index,
        [](int) { return SqlAffinity::Integer; });
    QCOMPARE(differs.describe(0), QStringLiteral("a ≠ b"));
    row[0].setInteger(3);
    row[1].setReal(3.0);
    QCOMPARE(differs.firstBroken(row), 0);
    QVERIFY(!differs.repair(0, row)); // drawn again instead
    row[1].setReal(3.5);
    QCOMPARE(differs.firstBroken(row), -1);
    row[0].setText("x");
    row[1].setText("x");
    QCOMPARE(differs.firstBroken(row), 0);
    row[1].setNull();
    QCOMPARE(differs.firstBroken(row), -1);

    // A pair of columns fixes a third: written where the pair is known, kept where it is not.
    const RuleSet route = RuleSet::compile(
        QJsonDocument::fromJson(
            R"([{"rule": "determines", "columns": ["a", "b"], "then": "c",
                 "map": [[["x", 2], 700], [["x", 3], null]]}])")
            .array(),
        index, [](int c) { return c == 0 ? SqlAffinity::Text : SqlAffinity::Integer; });
    QCOMPARE(route.describe(0), QStringLiteral("a, b → c"));
    row[0].setText("x");
    row[1].setInteger(2);
    row[2].setInteger(5);
    QCOMPARE(route.firstBroken(row), 0);
    route.derive(row);
    QCOMPARE(row[2].type, GeneratedValue::Integer);
    QCOMPARE(row[2].integer, 700);
    row[1].setInteger(3);
    route.derive(row);
    QCOMPARE(row[2].type, GeneratedValue::Null);
    QCOMPARE(route.firstBroken(row), -1);
    row[1].setInteger(4); // an unseen pair
    row[2].setInteger(5);
    route.derive(row);
    QCOMPARE(row[2].integer, 5);
    QCOMPARE(route.firstBroken(row), -1);
    QCOMPARE(route.derivedFrom().value(2), (std::vector<int>{0, 1}));
}

void TestRealism::badRulesAreClearErrors()
{
    const QHash<QString, int> index{
        {QStringLiteral("a"), 0}, {QStringLiteral("b"), 1}, {QStringLiteral("c"), 2}};
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
    QCOMPARE(message(R"([{"rule": "determines", "columns": ["a", "b"], "then": "a", "map": []}])"),
             QStringLiteral("Recipe: rules[0].then cannot name one of the columns that determine "
                            "it"));
    QCOMPARE(
        message(
            R"([{"rule": "determines", "columns": ["a", "b"], "then": "c", "map": [["x", 1]]}])"),
        QStringLiteral("Recipe: rules[0].map[0] must be [[a's value, b's value], the value]"));
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
        const RecipeRunResult run = generateOffline(temp, QStringLiteral("accounts"), 2000, seed);
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

void TestRealism::noTeamPlaysItself()
{
    // The away team is drawn given the home team, smoothed towards every team's share: left to
    // the model alone, some new matches would pit a team against itself.
    TempDatabase temp({QStringLiteral("CREATE TABLE games (id INTEGER PRIMARY KEY, home TEXT, "
                                      "away TEXT, attendance REAL)")});
    const QList<QVariantList> real = matches(400, 12, 3);
    temp.exec(QStringLiteral("BEGIN"));
    for (qsizetype i = 0; i < real.size(); ++i)
        temp.exec(QStringLiteral("INSERT INTO games (home, away, attendance) VALUES (?, ?, ?)"),
                  {real[i][0], real[i][1], 1000 + double(i) * 13.7});
    temp.exec(QStringLiteral("COMMIT"));
    const RecipeRunResult run = generateOffline(temp, QStringLiteral("games"), 3000, 4);
    QCOMPARE(run.inserted, 3000);
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT count(*) FROM games WHERE id > 400 AND home = away"))
            .toInt(),
        0);
    // Rejection keeps the rest: every team still plays at home in about 1/12 of the matches.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(DISTINCT home) FROM games WHERE id > 400"))
                 .toInt(),
             12);
}

void TestRealism::aRouteKeepsItsDistance()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE flights (id INTEGER PRIMARY KEY, origin "
                                      "TEXT, destination TEXT, distance INTEGER, delay INTEGER)")});
    const QList<QVariantList> real = flights(2000, 20, 7);
    temp.exec(QStringLiteral("BEGIN"));
    for (const QVariantList &flight : real)
        temp.exec(QStringLiteral("INSERT INTO flights (origin, destination, distance, delay) "
                                 "VALUES (?, ?, ?, ?)"),
                  flight);
    temp.exec(QStringLiteral("COMMIT"));
    QCOMPARE(generateOffline(temp, QStringLiteral("flights"), 2000, 3).inserted, 2000);
    // Every new flight on a route flown before is as long as that route.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM flights n WHERE n.id > 2000 AND "
                                        "EXISTS (SELECT 1 FROM flights o WHERE o.id <= 2000 AND "
                                        "o.origin = n.origin AND o.destination = n.destination "
                                        "AND o.distance <> n.distance)"))
                 .toInt(),
             0);
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM flights n WHERE n.id > 2000 AND "
                                       "EXISTS (SELECT 1 FROM flights o WHERE o.id <= 2000 AND "
                                       "o.origin = n.origin AND o.destination = n.destination)"))
                .toInt() > 1500);
}

void TestRealism::jointModelKeepsConditionalsAndCorrelation()
{
    TempDatabase temp({QString::fromUtf8(Schema)});
    seedAccounts(temp, 400, 5);
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
        table, columns, rowsOf(temp, columns, QStringLiteral("rowid <= 600"), table.name),
        rowsOf(temp, columns, QStringLiteral("rowid > 600"), table.name));
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

void TestRealism::aForecastFollowsItsBudgetYear()
{
    // Each budget forecasts its own year less one to ten years on; the value follows neither.
    TempDatabase temp({QStringLiteral("CREATE TABLE budgets (id INTEGER PRIMARY KEY, budget "
                                      "INTEGER, forecast INTEGER, value REAL, dice INTEGER)")});
    QRandomGenerator random(11);
    QList<QVariantList> rows;
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 300; ++i) {
        const int budget = 1980 + int(random.bounded(31));
        const QVariantList row{budget, budget - 1 + int(random.bounded(12)), random.bounded(1.0),
                               1 + int(random.bounded(6))};
        temp.exec(QStringLiteral("INSERT INTO budgets (budget, forecast, value, dice) VALUES (?, "
                                 "?, ?, ?)"),
                  row);
        rows << row;
    }
    temp.exec(QStringLiteral("COMMIT"));
    const QStringList names{QStringLiteral("budget"), QStringLiteral("forecast"),
                            QStringLiteral("value"), QStringLiteral("dice")};
    const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("budgets"));
    const QJsonObject recipe = RecipeLearner::learnFromRows(info, rows, {}, {}, 1);
    const QJsonObject columns = recipe[QLatin1String("columns")].toObject();
    // One of the years is the other plus an offset; the dice are no offset of anything.
    const QJsonObject budget = columns[QLatin1String("budget")].toObject();
    QCOMPARE(budget[QLatin1String("plus")].toString(), QStringLiteral("forecast"));
    QCOMPARE(budget[QLatin1String("offsets")].toArray().size(), 12);
    QVERIFY(!columns[QLatin1String("forecast")].toObject().contains(QLatin1String("plus")));
    QVERIFY(!columns[QLatin1String("dice")].toObject().contains(QLatin1String("plus")));

    QCOMPARE(generateOffline(temp, QStringLiteral("budgets"), 2000, 5).inserted, 2000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM budgets WHERE id > 300 AND "
                                        "forecast - budget NOT BETWEEN -1 AND 10"))
                 .toInt(),
             0);
    // Every year stays one of the table's own, and the horizons keep their spread.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM budgets n WHERE id > 300 AND NOT "
                                        "EXISTS (SELECT 1 FROM budgets o WHERE o.id <= 300 AND "
                                        "o.budget = n.budget)"))
                 .toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(DISTINCT forecast - budget) FROM budgets "
                                        "WHERE id > 300"))
                 .toInt(),
             12);

    // A recipe's offsets are whole numbers from another column.
    auto refusal = [&info](const char *json) {
        try {
            RecipeCompiler::compile(QJsonDocument::fromJson(json).object(), info);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    const char *const own = R"({"format": "rowforge-recipe/1", "columns": {"budget": {"generator":
        "choice", "values": [{"value": 1990, "weight": 1}], "plus": "budget",
        "offsets": [{"value": 0, "weight": 1}]}}})";
    QVERIFY2(refusal(own).contains(QLatin1String("cannot name its own column")),
             qPrintable(refusal(own)));
    const char *const half = R"({"format": "rowforge-recipe/1", "columns": {"budget": {"generator":
        "choice", "values": [{"value": 1990, "weight": 1}], "plus": "forecast",
        "offsets": [{"value": 0.5, "weight": 1}]}}})";
    QVERIFY2(refusal(half).contains(QLatin1String("values must be whole numbers")),
             qPrintable(refusal(half)));
    const char *const huge = R"({"format": "rowforge-recipe/1", "columns": {"budget": {"generator":
        "choice", "values": [{"value": 1990, "weight": 1}], "plus": "forecast",
        "offsets": [{"value": 1e300, "weight": 1}]}}})";
    QVERIFY2(refusal(huge).contains(QLatin1String("of at most 2^53")), qPrintable(refusal(huge)));
    // A base too large for an integer lands on nothing: the column's own values are drawn.
    const CompiledRecipe far = RecipeCompiler::compile(
        QJsonDocument::fromJson(R"({"format": "rowforge-recipe/1", "columns": {
            "forecast": {"generator": "choice", "values": [{"value": 1e300, "weight": 1}]},
            "budget": {"generator": "choice", "values": [{"value": 1990, "weight": 1}],
                       "plus": "forecast", "offsets": [{"value": -1, "weight": 1}]},
            "value": {"generator": "constant", "value": 1},
            "dice": {"generator": "constant", "value": 1}}})")
            .object(),
        info);
    std::vector<GeneratedValue> row(far.columns.size());
    QRandomGenerator draws(1);
    far.generate(row, draws);
    const int budgetColumn = int(far.columnNames().indexOf(QStringLiteral("budget")));
    QCOMPARE(row[size_t(budgetColumn)].integer, 1990);
}

QTEST_GUILESS_MAIN(TestRealism)
#include "tst_Realism.moc"
