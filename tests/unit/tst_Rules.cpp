// Rules mined from real rows and kept in new ones: each rule miner on tables built for it (and
// not fooled by chance), the rule set's checks, repairs and derivations by hand, clear errors
// for bad rules, and the property that every rule mined from a table holds in the rows
// generated from it.
#include "AccountsTable.h"
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "recipe/CompiledRecipe.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeValue.h"
#include "recipe/RuleMiner.h"
#include "recipe/RuleSet.h"
#include "util/RowforgeError.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

} // namespace

class TestRules : public QObject
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
};

void TestRules::minesEachKindOfRule()
{
    TempDatabase temp({QString::fromUtf8(AccountsTable::Schema)});
    AccountsTable::seed(temp, 400, 7);
    const QJsonArray rules =
        RuleMiner::mine(AccountsTable::columns(),
                        AccountsTable::rows(temp, AccountsTable::columns(), QStringLiteral("1")));
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

void TestRules::chanceIsNotARule()
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

void TestRules::ruleSetChecksRepairsAndDerives()
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

void TestRules::badRulesAreClearErrors()
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

void TestRules::minedRulesHoldInGeneratedRows()
{
    // The property: whatever holds in every real row holds in every generated row.
    for (const quint32 seed : {1u, 2u, 3u}) {
        TempDatabase temp({QString::fromUtf8(AccountsTable::Schema)});
        AccountsTable::seed(temp, 300, seed);
        const RecipeRunResult run = generateOffline(temp, QStringLiteral("accounts"), 2000, seed);
        QCOMPARE(run.inserted, 2000);
        const QList<QVariantList> real =
            AccountsTable::rows(temp, AccountsTable::columns(), QStringLiteral("id <= 300"));
        const QList<QVariantList> fresh =
            AccountsTable::rows(temp, AccountsTable::columns(), QStringLiteral("id > 300"));
        const QJsonArray mined = RuleMiner::mine(AccountsTable::columns(), real);
        QVERIFY(mined.size() >= 8);
        QHash<QString, int> index;
        for (int c = 0; c < AccountsTable::columns().size(); ++c)
            index.insert(AccountsTable::columns()[c], c);
        const TableInfo info = SchemaReader::require(temp.db(), QStringLiteral("accounts"));
        const RuleSet rules = RuleSet::compile(mined, index, [&](int c) {
            return info.column(AccountsTable::columns()[c])->affinity;
        });
        std::vector<GeneratedValue> row(size_t(AccountsTable::columns().size()));
        for (const QVariantList &values : fresh) {
            for (int c = 0; c < AccountsTable::columns().size(); ++c)
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

void TestRules::noTeamPlaysItself()
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

void TestRules::aRouteKeepsItsDistance()
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

void TestRules::aForecastFollowsItsBudgetYear()
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

QTEST_GUILESS_MAIN(TestRules)
#include "tst_Rules.moc"
