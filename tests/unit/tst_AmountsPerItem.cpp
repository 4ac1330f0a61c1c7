// The rule "per": an amount within the range per item every real row keeps (an order's amount
// per item, a car's displacement per cylinder). Mined where chance would break it and not
// where it would not, checked and repaired by hand, refused when malformed, and kept in
// generated rows without moving the counts' shares.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/DemoSeeder.h"
#include "recipe/RecipeValue.h"
#include "recipe/RuleMiner.h"
#include "recipe/RuleSet.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

// Orders of 1 to 5 items at 8 to 140 an item (amount, items), or with an amount that has
// nothing to do with the items when `related` is false.
QList<QVariantList> orders(int count, bool related, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QVariantList> rows;
    for (int i = 0; i < count; ++i) {
        // Most orders are of one item, few of five, as in the demo's orders.
        const quint32 draw = random.bounded(100);
        const int items = draw < 45 ? 1 : draw < 70 ? 2 : draw < 85 ? 3 : draw < 95 ? 4 : 5;
        const double each = 8 + random.bounded(132.0);
        const double amount = related ? items * each : 8 + random.bounded(650.0);
        rows << QVariantList{std::round(amount * 100) / 100, items};
    }
    return rows;
}

QJsonArray perRules(const QList<QVariantList> &rows)
{
    QJsonArray found;
    for (const QJsonValue &rule :
         RuleMiner::mine({QStringLiteral("amount"), QStringLiteral("items")}, rows)) {
        if (rule[QLatin1String("rule")].toString() == QLatin1String("per"))
            found << rule;
    }
    return found;
}

const QHash<QString, int> Index{{QStringLiteral("amount"), 0}, {QStringLiteral("items"), 1}};

RuleSet compile(const char *json)
{
    return RuleSet::compile(QJsonDocument::fromJson(json).array(), Index,
                            [](int) { return SqlAffinity::Real; });
}

} // namespace

class TestAmountsPerItem : public QObject
{
    Q_OBJECT

private slots:
    void minesTheRangePerItem();
    void chanceIsNotARange();
    void checksAndRepairsByHand();
    void badRulesAreClearErrors();
    void generatedOrdersKeepTheirPricePerItem();
};

void TestAmountsPerItem::minesTheRangePerItem()
{
    const QList<QVariantList> rows = orders(300, true, 1);
    double low = 1e9, high = 0;
    for (const QVariantList &row : rows) {
        low = std::min(low, row[0].toDouble() / row[1].toDouble());
        high = std::max(high, row[0].toDouble() / row[1].toDouble());
    }
    const QJsonArray found = perRules(rows);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0][u"column"].toString(), QStringLiteral("amount"));
    QCOMPARE(found[0][u"per"].toString(), QStringLiteral("items"));
    QCOMPARE(found[0][u"min"].toDouble(), low);
    QCOMPARE(found[0][u"max"].toDouble(), high);
    QCOMPARE(found[0][u"decimals"].toInt(), 2);
}

void TestAmountsPerItem::chanceIsNotARange()
{
    // Amounts unrelated to the items: any range per item the rows show, rows paired at random
    // keep too often for it to be a rule.
    QVERIFY(perRules(orders(300, false, 2)).isEmpty());
    // Too few rows to tell.
    QVERIFY(perRules(orders(15, true, 3)).isEmpty());
}

void TestAmountsPerItem::checksAndRepairsByHand()
{
    const RuleSet rules = compile(
        R"([{"rule": "per", "column": "amount", "per": "items", "min": 8.5, "max": 140,
             "decimals": 2}])");
    QCOMPARE(rules.describe(0), QStringLiteral("amount per items from 8.5 to 140"));
    std::vector<GeneratedValue> row(2);
    auto set = [&row](double amount, qint64 items) {
        row[0].setReal(amount);
        row[1].setInteger(items);
    };
    set(25.5, 3); // 8.50 an item: the bound holds
    QVERIFY(rules.holds(0, row));
    set(420, 3);
    QVERIFY(rules.holds(0, row));
    set(420.01, 3);
    QVERIFY(!rules.holds(0, row));
    set(25.49, 3);
    QVERIFY(!rules.holds(0, row));
    row[0].setNull(); // nothing to check
    QVERIFY(rules.holds(0, row));
    // A repair moves the amount to the nearest one in range, at its decimals.
    set(681.72, 3);
    QVERIFY(rules.repair(0, row));
    QCOMPARE(row[0].order, 420.0);
    set(1, 7);
    QVERIFY(rules.repair(0, row));
    QCOMPARE(row[0].order, 59.5);
    QCOMPARE(rules.redrawnColumn(0), 0);
    // Whole amounts: 3 items at 8.5 to 8.9 an item leave 26 as the only whole amount.
    const RuleSet whole =
        compile(R"([{"rule": "per", "column": "amount", "per": "items", "min": 8.5, "max": 8.9}])");
    row[0].setInteger(100);
    row[1].setInteger(3);
    QVERIFY(whole.repair(0, row));
    QCOMPARE(row[0].type, GeneratedValue::Integer);
    QCOMPARE(row[0].order, 26.0);
    row[1].setInteger(1); // 8.5 to 8.9: no whole amount at all
    QVERIFY(!whole.repair(0, row));
}

void TestAmountsPerItem::badRulesAreClearErrors()
{
    auto message = [](const char *json) {
        try {
            compile(json);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    QCOMPARE(message(R"([{"rule": "per", "column": "amount", "per": "amount", "min": 1,
                          "max": 2}])"),
             QStringLiteral("Recipe: rules[0].per cannot name the column itself"));
    QCOMPARE(message(R"([{"rule": "per", "column": "amount", "per": "qty", "min": 1,
                          "max": 2}])"),
             QStringLiteral("Recipe: rules[0].per names \"qty\", which is not a column of the "
                            "recipe"));
    QCOMPARE(message(R"([{"rule": "per", "column": "amount", "per": "items", "max": 2}])"),
             QStringLiteral("Recipe: rules[0].min must be a number"));
    QCOMPARE(message(R"([{"rule": "per", "column": "amount", "per": "items", "min": 3,
                          "max": 2}])"),
             QStringLiteral("Recipe: rules[0].max must not be below min"));
}

void TestAmountsPerItem::generatedOrdersKeepTheirPricePerItem()
{
    // The demo's orders: the model pools orders of 3 to 5 items in one leaf, which gave 2-4%
    // of new orders an amount per item no real order has (3 items for 681.72).
    TempDatabase temp;
    DemoSeeder::seed(temp.db());
    const int real = temp.scalar(QStringLiteral("SELECT max(id) FROM orders")).toInt();
    const double low =
        temp.scalar(QStringLiteral("SELECT min(amount / items) FROM orders")).toDouble();
    const double high =
        temp.scalar(QStringLiteral("SELECT max(amount / items) FROM orders")).toDouble();
    QCOMPARE(generateOffline(temp, QStringLiteral("orders"), 3000, 6).inserted, 3000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > ? AND "
                                        "(amount / items < ? - 0.005 OR amount / items > ? + "
                                        "0.005)"),
                         {real, low, high})
                 .toInt(),
             0);
    // The amount is drawn again for the row's own items, so the items keep their shares.
    for (int items = 1; items <= 5; ++items) {
        const double shares[2] = {
            temp.scalar(QStringLiteral("SELECT avg(items = ?) FROM orders WHERE id <= ?"),
                        {items, real})
                .toDouble(),
            temp.scalar(QStringLiteral("SELECT avg(items = ?) FROM orders WHERE id > ?"),
                        {items, real})
                .toDouble()};
        QVERIFY2(std::abs(shares[0] - shares[1]) < 0.03,
                 qPrintable(QStringLiteral("%1 items: %2 real, %3 new")
                                .arg(items)
                                .arg(shares[0])
                                .arg(shares[1])));
    }
}

QTEST_GUILESS_MAIN(TestAmountsPerItem)
#include "tst_AmountsPerItem.moc"
