// Rows that hold together across a foreign key: new children pick their parents as existing
// children did (parents without children stay without), dates that follow the parent's
// (orders after their customer's signup) are drawn from it, rules across the key are kept
// whatever the recipe draws, and a recipe that misuses them is told what is wrong. Several
// tables grown at once: parents first (cycles broken at a key that may be NULL), each new
// parent with as many children as a real one has, self-references and composite keys valid,
// all tables or none.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/DemoSeeder.h"
#include "db/SchemaReader.h"
#include "generate/GeneratedRows.h"
#include "generate/RelatedGeneration.h"
#include "llm/LlmClient.h"
#include "profile/ChildCounts.h"
#include "recipe/RecipeLearner.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

class TestRelatedTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void childrenFollowTheirParentsDates();
    void parentsArePickedLikeExistingOnes();
    void parentRulesAreKeptWhateverTheRecipeDraws();
    void parentRulesThatCannotWorkAreExplained();
    void parentsAndChildrenGrowTogether();
    void parentsComeFirstAndCyclesBreakAtANullableKey();
    void selfReferencesAndCompositeKeysStayValid();
    void oneTableFailingWritesNoTable();
    void childrenOfAnEmptyParentAreToldWhy();
    void newParentsGetTheRealCountsOfChildren();
    void theLastChildIsNeverStuckOnACopy();

private:
    static QList<GenerationResult> grow(TempDatabase &temp, const QStringList &tables,
                                        const QHash<QString, int> &rows, quint32 seed);
    static QJsonObject learnOrders(TempDatabase &temp, quint32 seed);
    static RecipeRunResult run(TempDatabase &temp, const QJsonObject &recipe, int rows,
                               quint32 seed);
    // Orders placed before their customer signed up, among rowids above `after`.
    static int beforeSignup(TempDatabase &temp, int after);
};

QJsonObject TestRelatedTables::learnOrders(TempDatabase &temp, quint32 seed)
{
    QRandomGenerator random(seed);
    return RecipeLearner::learn(temp.db(),
                                SchemaReader::require(temp.db(), QStringLiteral("orders")), random);
}

RecipeRunResult TestRelatedTables::run(TempDatabase &temp, const QJsonObject &recipe, int rows,
                                       quint32 seed)
{
    QRandomGenerator random(seed);
    RecipeRunOptions options;
    options.rows = rows;
    return RecipeRunner::run(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("orders")),
                             recipe, options, random);
}

int TestRelatedTables::beforeSignup(TempDatabase &temp, int after)
{
    return temp
        .scalar(QStringLiteral("SELECT count(*) FROM orders o JOIN customers c ON c.id = "
                               "o.customer_id WHERE o.id > ? AND o.ordered_at < c.signup_date"),
                {after})
        .toInt();
}

void TestRelatedTables::childrenFollowTheirParentsDates()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int real = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    QCOMPARE(beforeSignup(temp, 0), 0);
    const QJsonObject recipe = learnOrders(temp, 1);
    const QJsonObject orderedAt = recipe.value(QLatin1String("columns"))
                                      .toObject()
                                      .value(QLatin1String("ordered_at"))
                                      .toObject();
    QCOMPARE(orderedAt.value(QLatin1String("generator")).toString(), QStringLiteral("after"));
    QCOMPARE(orderedAt.value(QLatin1String("column")).toString(), QStringLiteral("customer_id"));
    QCOMPARE(orderedAt.value(QLatin1String("parent_column")).toString(),
             QStringLiteral("signup_date"));
    QVERIFY(recipe.value(QLatin1String("rules"))
                .toArray()
                .contains(
                    QJsonObject{{QStringLiteral("rule"), QStringLiteral("after_parent")},
                                {QStringLiteral("column"), QStringLiteral("ordered_at")},
                                {QStringLiteral("foreign_key"), QStringLiteral("customer_id")},
                                {QStringLiteral("parent_column"), QStringLiteral("signup_date")},
                                {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm:ss")},
                                {QStringLiteral("parent_format"), QStringLiteral("yyyy-MM-dd")}}));

    run(temp, recipe, 3000, 2);
    QCOMPARE(beforeSignup(temp, real), 0);
    // Drawn from the signup, the gap keeps its shape: drawn on their own, with the rule only
    // rejecting the early ones, new orders crowded at the latest dates and their median gap
    // tripled (150 days real, 459 new).
    auto medianGap = [&](const QString &where) {
        return temp
            .scalar(QStringLiteral("SELECT gap FROM (SELECT julianday(o.ordered_at) - "
                                   "julianday(c.signup_date) AS gap FROM orders o JOIN customers c "
                                   "ON c.id = o.customer_id WHERE %1) ORDER BY gap LIMIT 1 OFFSET "
                                   "(SELECT count(*) / 2 FROM orders o WHERE %1)")
                        .arg(where))
            .toDouble();
    };
    const double realGap = medianGap(QStringLiteral("o.id <= %1").arg(real));
    const double newGap = medianGap(QStringLiteral("o.id > %1").arg(real));
    QVERIFY2(std::fabs(newGap - realGap) < 0.1 * realGap,
             qPrintable(QStringLiteral("%1 real, %2 new").arg(realGap).arg(newGap)));
}

void TestRelatedTables::parentsArePickedLikeExistingOnes()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int real = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    const QString childless =
        QStringLiteral("SELECT count(*) FROM orders WHERE id > %1 AND customer_id NOT IN (SELECT "
                       "customer_id FROM orders WHERE id <= %1)")
            .arg(real);
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id NOT IN (SELECT "
                                       "customer_id FROM orders)"))
                .toInt() > 0);
    QJsonObject recipe = learnOrders(temp, 3);
    QCOMPARE(recipe.value(QLatin1String("columns"))
                 .toObject()
                 .value(QLatin1String("customer_id"))
                 .toObject()
                 .value(QLatin1String("parents"))
                 .toString(),
             QStringLiteral("like_existing"));
    run(temp, recipe, 3000, 4);
    QCOMPARE(temp.scalar(childless).toInt(), 0);
    // Customers with many orders get many new ones: the counts move together.
    const double correlation =
        temp.scalar(QStringLiteral(
                        "WITH c AS (SELECT id, (SELECT count(*) FROM orders WHERE customer_id = "
                        "customers.id AND orders.id <= %1) AS a, (SELECT count(*) FROM orders "
                        "WHERE customer_id = customers.id AND orders.id > %1) AS b FROM "
                        "customers), m AS (SELECT avg(a) AS ma, avg(b) AS mb FROM c) SELECT "
                        "sum((a - ma) * (b - mb)) / sqrt(sum((a - ma) * (a - ma)) * sum((b - mb) "
                        "* (b - mb))) FROM c, m")
                        .arg(real))
            .toDouble();
    QVERIFY2(correlation > 0.5, qPrintable(QString::number(correlation)));

    // Uniform picks, as before: customers without orders get them too.
    const int before = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    QJsonObject columns = recipe.value(QLatin1String("columns")).toObject();
    columns.insert(QStringLiteral("customer_id"),
                   QJsonObject{{QStringLiteral("generator"), QStringLiteral("foreign_key")},
                               {QStringLiteral("parents"), QStringLiteral("uniform")}});
    recipe.insert(QStringLiteral("columns"), columns);
    run(temp, recipe, 3000, 5);
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > %1 AND customer_id "
                                       "NOT IN (SELECT customer_id FROM orders WHERE id <= %2)")
                            .arg(before)
                            .arg(real))
                .toInt() > 0);
}

void TestRelatedTables::parentRulesAreKeptWhateverTheRecipeDraws()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    QJsonObject recipe = learnOrders(temp, 6);
    // Order dates drawn on their own over the whole range: many fall before the signup.
    QJsonObject columns = recipe.value(QLatin1String("columns")).toObject();
    columns.insert(QStringLiteral("ordered_at"),
                   QJsonObject{{QStringLiteral("generator"), QStringLiteral("datetime")},
                               {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm:ss")},
                               {QStringLiteral("quantiles"),
                                QJsonArray{QStringLiteral("2018-01-01T00:00:00"),
                                           QStringLiteral("2025-12-31T00:00:00")}}});
    recipe.insert(QStringLiteral("columns"), columns);
    int last = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    run(temp, recipe, 2000, 7);
    QCOMPARE(beforeSignup(temp, last), 0);

    // The same recipe without the rules across the key breaks them: the check above can fail.
    QJsonArray withinTable;
    for (const QJsonValue &rule : recipe.value(QLatin1String("rules")).toArray()) {
        if (!rule.toObject()
                 .value(QLatin1String("rule"))
                 .toString()
                 .endsWith(QLatin1String("_parent")))
            withinTable << rule;
    }
    recipe.insert(QStringLiteral("rules"), withinTable);
    last = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    run(temp, recipe, 2000, 7);
    QVERIFY2(beforeSignup(temp, last) > 200, qPrintable(QString::number(beforeSignup(temp, last))));
}

void TestRelatedTables::parentRulesThatCannotWorkAreExplained()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int orders = temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt();
    const QJsonObject learned = learnOrders(temp, 8);
    auto failure = [&](const QJsonObject &rule) {
        QJsonObject recipe = learned;
        recipe.insert(QStringLiteral("rules"), QJsonArray{rule});
        try {
            run(temp, recipe, 10, 9);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    const QJsonObject rule{{QStringLiteral("rule"), QStringLiteral("after_parent")},
                           {QStringLiteral("column"), QStringLiteral("shipped_at")},
                           {QStringLiteral("foreign_key"), QStringLiteral("status")},
                           {QStringLiteral("parent_column"), QStringLiteral("signup_date")}};
    QCOMPARE(failure(rule), QStringLiteral("Recipe: rules[0].foreign_key names \"status\", which "
                                           "is not a one-column foreign key"));
    QJsonObject unknown = rule;
    unknown.insert(QStringLiteral("foreign_key"), QStringLiteral("customer_id"));
    unknown.insert(QStringLiteral("parent_column"), QStringLiteral("birthday"));
    QCOMPARE(failure(unknown), QStringLiteral("Recipe: names the parent column \"birthday\", "
                                              "which \"customers\" does not have"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), orders);
}

QList<GenerationResult> TestRelatedTables::grow(TempDatabase &temp, const QStringList &tables,
                                                const QHash<QString, int> &rows, quint32 seed)
{
    GenerationOptions options;
    options.seed = seed;
    options.llm.provider = LlmSettings::Provider::Offline;
    options.generatedRowsFile = temp.folder() + QStringLiteral("/generated-rows.json");
    LlmClient unused(options.llm);
    return RelatedGeneration::run(temp.db(), tables, rows, options, unused);
}

void TestRelatedTables::parentsAndChildrenGrowTogether()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int customers = temp.scalar(QStringLiteral("SELECT max(id) FROM customers")).toInt();
    const int orders = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    // Listed children first: the order comes from the foreign keys.
    const QList<GenerationResult> results =
        grow(temp, {QStringLiteral("orders"), QStringLiteral("customers")},
             {{QStringLiteral("customers"), 400}}, 10);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].table, QStringLiteral("customers"));
    QCOMPARE(results[0].inserted, 400);
    QCOMPARE(
        temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > ?"), {orders}).toInt(),
        results[1].inserted);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    QCOMPARE(beforeSignup(temp, orders), 0);
    // Every new order belongs to a new customer, and the new customers' numbers of orders
    // have the real ones' shape: Kolmogorov–Smirnov complement and the share without any.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > ? AND "
                                        "customer_id <= ?"),
                         {orders, customers})
                 .toInt(),
             0);
    auto counts = [&](const QString &customerRange, const QString &orderRange) {
        std::vector<int> result;
        QSqlQuery query(temp.db());
        query.exec(QStringLiteral("SELECT (SELECT count(*) FROM orders o WHERE o.customer_id = "
                                  "c.id AND o.%2) FROM customers c WHERE c.%1")
                       .arg(customerRange, orderRange));
        while (query.next())
            result.push_back(query.value(0).toInt());
        std::sort(result.begin(), result.end());
        return result;
    };
    const std::vector<int> real =
        counts(QStringLiteral("id <= %1").arg(customers), QStringLiteral("id <= %1").arg(orders));
    const std::vector<int> grown =
        counts(QStringLiteral("id > %1").arg(customers), QStringLiteral("id > %1").arg(orders));
    QCOMPARE(int(grown.size()), 400);
    double distance = 0;
    for (int k = 0; k <= std::max(real.back(), grown.back()); ++k) {
        auto share = [k](const std::vector<int> &v) {
            return double(std::upper_bound(v.begin(), v.end(), k) - v.begin()) / double(v.size());
        };
        distance = std::max(distance, std::fabs(share(real) - share(grown)));
    }
    QVERIFY2(1 - distance >= 0.9, qPrintable(QString::number(1 - distance)));
    auto zeros = [](const std::vector<int> &v) {
        return double(std::count(v.begin(), v.end(), 0)) / double(v.size());
    };
    QVERIFY2(std::fabs(zeros(real) - zeros(grown)) <= 0.05,
             qPrintable(QStringLiteral("%1 %2").arg(zeros(real)).arg(zeros(grown))));
    // Both runs are remembered as generated, once committed.
    const GeneratedRows remembered(temp.folder() + QStringLiteral("/generated-rows.json"));
    QCOMPARE(remembered.of(temp.path(), QStringLiteral("customers")).count(), 400);
    QCOMPARE(remembered.of(temp.path(), QStringLiteral("orders")).count(), results[1].inserted);
}

void TestRelatedTables::parentsComeFirstAndCyclesBreakAtANullableKey()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT, "
                                      "captain_id INTEGER REFERENCES players (id))"),
                       QStringLiteral("CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT, "
                                      "team_id INTEGER NOT NULL REFERENCES teams (id))")});
    QRandomGenerator random(3);
    for (int t = 1; t <= 40; ++t)
        temp.exec(QStringLiteral("INSERT INTO teams (id, name) VALUES (?, ?)"),
                  {t, QStringLiteral("team %1").arg(t)});
    for (int p = 1; p <= 400; ++p)
        temp.exec(QStringLiteral("INSERT INTO players VALUES (?, ?, ?)"),
                  {p, QStringLiteral("player %1").arg(p), 1 + random.bounded(40)});
    temp.exec(QStringLiteral("UPDATE teams SET captain_id = (SELECT min(id) FROM players WHERE "
                             "team_id = teams.id)"));
    const QList<TableInfo> both{SchemaReader::require(temp.db(), QStringLiteral("players")),
                                SchemaReader::require(temp.db(), QStringLiteral("teams"))};
    const QList<TableInfo> ordered = RelatedGeneration::order(both);
    QCOMPARE(ordered[0].name, QStringLiteral("teams"));
    const QList<GenerationResult> results =
        grow(temp, {QStringLiteral("players"), QStringLiteral("teams")},
             {{QStringLiteral("teams"), 20}}, 4);
    QCOMPARE(results[0].inserted, 20);
    QVERIFY(results[1].inserted > 100);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM players WHERE id > 400 AND "
                                        "team_id <= 40"))
                 .toInt(),
             0);

    // Without a key that may be NULL, no table can come first.
    TempDatabase strict({QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER NOT "
                                        "NULL REFERENCES b (id))"),
                         QStringLiteral("CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT "
                                        "NULL REFERENCES a (id))")});
    try {
        RelatedGeneration::order({SchemaReader::require(strict.db(), QStringLiteral("a")),
                                  SchemaReader::require(strict.db(), QStringLiteral("b"))});
        QFAIL("a cycle of NOT NULL keys has no first table");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(), QStringLiteral("\"a\", \"b\" reference each other through "
                                                 "foreign keys that cannot be NULL, so none of "
                                                 "them can be grown first"));
    }
}

void TestRelatedTables::selfReferencesAndCompositeKeysStayValid()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT, "
                                      "manager_id INTEGER REFERENCES staff (id))"),
                       QStringLiteral("CREATE TABLE rooms (building TEXT, number INTEGER, seats "
                                      "INTEGER, PRIMARY KEY (building, number))"),
                       QStringLiteral("CREATE TABLE bookings (id INTEGER PRIMARY KEY, building "
                                      "TEXT NOT NULL, number INTEGER NOT NULL, booked_by INTEGER "
                                      "REFERENCES staff (id), FOREIGN KEY (building, number) "
                                      "REFERENCES rooms (building, number))")});
    QRandomGenerator random(5);
    temp.exec(QStringLiteral("INSERT INTO staff VALUES (1, 'boss', NULL)"));
    for (int s = 2; s <= 300; ++s)
        temp.exec(QStringLiteral("INSERT INTO staff VALUES (?, ?, ?)"),
                  {s, QStringLiteral("person %1").arg(s), 1 + random.bounded(s - 1)});
    for (int r = 0; r < 60; ++r)
        temp.exec(QStringLiteral("INSERT INTO rooms VALUES (?, ?, ?)"),
                  {QStringLiteral("B%1").arg(r % 4), 100 + r, 4 + random.bounded(20)});
    for (int b = 0; b < 500; ++b)
        temp.exec(QStringLiteral("INSERT INTO bookings (building, number, booked_by) SELECT "
                                 "building, number, ? FROM rooms ORDER BY random() LIMIT 1"),
                  {1 + random.bounded(300)});
    grow(temp, {QStringLiteral("staff"), QStringLiteral("rooms"), QStringLiteral("bookings")},
         {{QStringLiteral("staff"), 200}, {QStringLiteral("rooms"), 30}}, 6);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    // Every manager chain ends at the boss: no cycles.
    QCOMPARE(temp.scalar(QStringLiteral(
                             "WITH RECURSIVE up(id, manager, depth) AS (SELECT id, manager_id, 0 "
                             "FROM staff UNION ALL SELECT up.id, s.manager_id, depth + 1 FROM up "
                             "JOIN staff s ON s.id = up.manager WHERE depth < 1000) SELECT "
                             "count(DISTINCT id) FROM up WHERE manager IS NULL"))
                 .toInt(),
             500);
    // The new rooms got bookings of their own, through both columns of the key.
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM bookings b JOIN rooms r USING "
                                       "(building, number) WHERE b.id > 500 AND r.rowid > 60"))
                .toInt() > 0);
}

void TestRelatedTables::oneTableFailingWritesNoTable()
{
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int customers = temp.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt();
    temp.exec(QStringLiteral("CREATE TRIGGER no_new_orders BEFORE INSERT ON orders BEGIN SELECT "
                             "RAISE(ABORT, 'orders are closed'); END"));
    try {
        grow(temp, {QStringLiteral("customers"), QStringLiteral("orders")},
             {{QStringLiteral("customers"), 300}}, 7);
        QFAIL("every order is refused");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().contains(QLatin1String("orders are closed")),
                 qPrintable(error.message()));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt(), customers);
    const GeneratedRows remembered(temp.folder() + QStringLiteral("/generated-rows.json"));
    QVERIFY(remembered.of(temp.path(), QStringLiteral("customers")).isEmpty());
}

void TestRelatedTables::childrenOfAnEmptyParentAreToldWhy()
{
    // Nothing to point at: the error says so and what to do; grown together, the parents come
    // first and the children point at them.
    TempDatabase temp({QStringLiteral("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT)"),
                       QStringLiteral("CREATE TABLE players (id INTEGER PRIMARY KEY, team_id "
                                      "INTEGER NOT NULL REFERENCES teams (id), name TEXT)")});
    try {
        grow(temp, {QStringLiteral("players")}, {{QStringLiteral("players"), 10}}, 1);
        QFAIL("players have no team to point at");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(),
                 QStringLiteral("\"team_id\" references \"teams\", which has no rows yet: add "
                                "rows there first, so that new rows have parents to point to"));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM players")).toInt(), 0);
    // Grown together (named in any order), the teams come first and players point at them.
    const QList<GenerationResult> results =
        grow(temp, {QStringLiteral("players"), QStringLiteral("teams")},
             {{QStringLiteral("teams"), 5}, {QStringLiteral("players"), 20}}, 1);
    QCOMPARE(results[0].table, QStringLiteral("teams"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM teams")).toInt(), 5);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM players")).toInt(), 20);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM players WHERE team_id IN (SELECT id "
                                        "FROM teams)"))
                 .toInt(),
             20);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
}

void TestRelatedTables::newParentsGetTheRealCountsOfChildren()
{
    // 10 real parents; 25 new ones get each real count twice and 5 of them once more, in
    // random order; the same seed, the same counts.
    const std::vector<int> real{0, 0, 1, 1, 1, 2, 3, 5, 8, 40};
    QRandomGenerator random(4);
    const std::vector<int> counts = ChildCounts::draw(real, 25, random);
    QCOMPARE(int(counts.size()), 25);
    for (const int count : real) {
        const auto times = std::count(counts.begin(), counts.end(), count);
        const auto inReal = std::count(real.begin(), real.end(), count);
        QVERIFY2(times >= 2 * inReal && times <= 3 * inReal, qPrintable(QString::number(count)));
    }
    QVERIFY(!std::is_sorted(counts.begin(), counts.end()));
    QRandomGenerator again(4);
    QCOMPARE(ChildCounts::draw(real, 25, again), counts);
    // Fewer new parents than real ones: no count is used more often than it occurs.
    const std::vector<int> few = ChildCounts::draw(real, 4, random);
    QVERIFY(std::count(few.begin(), few.end(), 40) <= 1);
    QCOMPARE(int(few.size()), 4);
    QCOMPARE(ChildCounts::draw({}, 3, random), (std::vector<int>{0, 0, 0}));
}

void TestRelatedTables::theLastChildIsNeverStuckOnACopy()
{
    // Links between ten people, 60 of the 100 pairs taken: grown with ten new people, new
    // links fall on pairs already made. The last link's parents were fixed, so each redraw
    // copied the same pair again until the run gave up (flare's dependencies, seed 5).
    TempDatabase temp({QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)"),
                       QStringLiteral("CREATE TABLE links (a INTEGER NOT NULL REFERENCES people "
                                      "(id), b INTEGER NOT NULL REFERENCES people (id))")});
    for (int p = 1; p <= 10; ++p)
        temp.exec(QStringLiteral("INSERT INTO people (name) VALUES (?)"),
                  {QStringLiteral("person %1").arg(p)});
    for (int l = 0; l < 60; ++l)
        temp.exec(QStringLiteral("INSERT INTO links VALUES (?, ?)"), {1 + l % 10, 1 + l / 6});
    for (quint32 seed = 1; seed <= 12; ++seed) {
        const QList<GenerationResult> results =
            grow(temp, {QStringLiteral("people"), QStringLiteral("links")},
                 {{QStringLiteral("people"), 10}}, seed);
        QCOMPARE(results[0].inserted, 10);
        QVERIFY(results[1].inserted > 0);
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestRelatedTables)
#include "tst_RelatedTables.moc"
