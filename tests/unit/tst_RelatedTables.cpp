// Rows that hold together across a foreign key: new children pick their parents as existing
// children did (parents without children stay without), dates that follow the parent's
// (orders after their customer's signup) are drawn from it, rules across the key are kept
// whatever the recipe draws, and a recipe that misuses them is told what is wrong.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/DemoSeeder.h"
#include "db/SchemaReader.h"
#include "recipe/RecipeLearner.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QtTest>

class TestRelatedTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void childrenFollowTheirParentsDates();
    void parentsArePickedLikeExistingOnes();
    void parentRulesAreKeptWhateverTheRecipeDraws();
    void parentRulesThatCannotWorkAreExplained();

private:
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

QTEST_GUILESS_MAIN(TestRelatedTables)
#include "tst_RelatedTables.moc"
