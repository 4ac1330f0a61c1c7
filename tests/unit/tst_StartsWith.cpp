// Text made from another column of its row (StartsWithLearner, StartsWithGenerator): airports
// named after their city are learned with their tails and made in the real share; names that
// begin with a column's value only by chance are not linked; a recipe's "starts_with" is drawn
// as written and refused with its place when wrong.
#include "OfflineRun.h"
#include "RecipeJson.h"
#include "TempDatabase.h"
#include "WeightedList.h"
#include "db/SchemaReader.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "recipe/StartsWithLearner.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

namespace {

// 300 towns of one or two words, more than a category holds: "Cedar", "Cedar Falls".
const QStringList &cities()
{
    static const QStringList list = [] {
        const QStringList first{"Cedar", "Oak",   "Rock",  "Pine",  "Walnut", "Mount", "Fort",
                                "Port",  "Glen",  "Maple", "Bay",   "Elm",    "Lake",  "Spring",
                                "Clear", "Green", "Red",   "White", "Black",  "Silver"};
        const QStringList second{"",       "Falls", "Ridge",  "Hill",    "Grove",
                                 "City",   "Creek", "Harbor", "Valley",  "Springs",
                                 "Bluffs", "Point", "Park",   "Heights", "Landing"};
        QStringList cities;
        for (const QString &a : first)
            for (const QString &b : second)
                cities << (b.isEmpty() ? a : a + u' ' + b);
        return cities;
    }();
    return list;
}

// Names not made from the city: words of their own.
const QStringList &ownNames()
{
    static const QStringList list{
        QStringLiteral("Bay Bridge Field"),    QStringLiteral("Lakeside Airpark"),
        QStringLiteral("Smith Memorial"),      QStringLiteral("Willow Run"),
        QStringLiteral("Eagle Creek Airpark"), QStringLiteral("Pine Ridge Field")};
    return list;
}

// The rows after `realRows` as (name, city) pairs.
QList<QPair<QString, QString>> newRows(TempDatabase &temp, int realRows)
{
    QSqlQuery query(temp.db());
    query.prepare(QStringLiteral("SELECT name, city FROM airports WHERE rowid > ?"));
    query.addBindValue(realRows);
    query.exec();
    QList<QPair<QString, QString>> rows;
    while (query.next())
        rows << qMakePair(query.value(0).toString(), query.value(1).toString());
    return rows;
}

} // namespace

class TestStartsWith : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boundaries();
    void namesMadeFromTheCityAreLearned();
    void chanceBeginningsAreNotLinked();
    void startsWithIsDrawnAsWritten();
    void badStartsWithIsRefusedWithThePlace();
};

void TestStartsWith::boundaries()
{
    QVERIFY(StartsWithLearner::startsWith(QStringLiteral("Crossett Municipal"),
                                          QStringLiteral("Crossett")));
    QVERIFY(StartsWithLearner::startsWith(QStringLiteral("Crossett"), QStringLiteral("Crossett")));
    QVERIFY(StartsWithLearner::startsWith(QStringLiteral("Kern-Warren County"),
                                          QStringLiteral("Kern")));
    QVERIFY(!StartsWithLearner::startsWith(QStringLiteral("Crossetti Field"),
                                           QStringLiteral("Crossett")));
    QVERIFY(!StartsWithLearner::startsWith(QStringLiteral("A Field"), QStringLiteral("A")));
    QVERIFY(!StartsWithLearner::startsWith(QStringLiteral("Mena"), QStringLiteral("Mena Field")));
}

void TestStartsWith::namesMadeFromTheCityAreLearned()
{
    // 1,000 airports: 60% named after their city (Municipal 3 in 5, Regional 1 in 4, the city
    // alone the rest), 40% by words of their own.
    constexpr int Real = 1000, New = 2000;
    // The elevation keeps new rows apart from real ones: copies would be redrawn.
    TempDatabase temp({QStringLiteral("CREATE TABLE airports (id INTEGER PRIMARY KEY, name TEXT, "
                                      "city TEXT, elevation REAL)")});
    QRandomGenerator random(3);
    for (int i = 0; i < Real; ++i) {
        const QString city = cities()[int(random.bounded(qsizetype(cities().size())))];
        QString name = ownNames()[int(random.bounded(qsizetype(ownNames().size())))];
        if (random.bounded(10) < 6) {
            const int tail = int(random.bounded(20));
            name = city + (tail < 12   ? QStringLiteral(" Municipal")
                           : tail < 17 ? QStringLiteral(" Regional")
                                       : QString());
        }
        temp.exec(QStringLiteral("INSERT INTO airports (name, city, elevation) VALUES (?, ?, ?)"),
                  {name, city, random.bounded(5000.0)});
    }
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("airports"));
    QRandomGenerator learning(1);
    const QJsonObject learned = RecipeLearner::learn(temp.db(), table, learning);
    const QJsonObject link = learned[u"columns"][u"name"][u"starts_with"].toObject();
    QCOMPARE(link.value(u"column").toString(), QStringLiteral("city"));
    QVERIFY2(std::abs(link.value(u"share").toDouble() - 0.6) < 0.05,
             qPrintable(QString::number(link.value(u"share").toDouble())));
    QCOMPARE(link.value(u"tails").toArray().size(), 3);
    // The city itself is made from no other column.
    QVERIFY(!learned[u"columns"][u"city"].toObject().contains(u"starts_with"));

    QCOMPARE(generateOffline(temp, QStringLiteral("airports"), New, 7).inserted, New);
    int made = 0, tailsKept = 0, ownWords = 0;
    const QSet<QString> tails{QStringLiteral(" Municipal"), QStringLiteral(" Regional"), QString()};
    QSet<QString> ownWordsSeen;
    for (const QString &name : ownNames())
        for (const QString &word : name.split(u' '))
            ownWordsSeen.insert(word);
    for (const auto &[name, city] : newRows(temp, Real)) {
        if (StartsWithLearner::startsWith(name, city)) {
            ++made;
            tailsKept += tails.contains(name.mid(city.size()));
        } else {
            // The other names are words of the names that were not made from a city.
            const QStringList words = name.split(u' ');
            ownWords += std::all_of(words.begin(), words.end(),
                                    [&](const QString &w) { return ownWordsSeen.contains(w); });
        }
    }
    QVERIFY2(std::abs(double(made) / New - 0.6) < 0.04, qPrintable(QString::number(made)));
    // An own name begins with its town now and then ("Pine Ridge Field" in Pine Ridge).
    QVERIFY2(tailsKept >= made - 10, qPrintable(QString::number(made - tailsKept)));
    QCOMPARE(ownWords, New - made);
}

void TestStartsWith::chanceBeginningsAreNotLinked()
{
    // Seven names in ten begin with "North" and six regions in ten are "North", independently:
    // 42% of names begin with their region, but as many begin with another row's.
    TempDatabase temp({QStringLiteral("CREATE TABLE airports (id INTEGER PRIMARY KEY, name TEXT, "
                                      "region TEXT, city TEXT)")});
    QRandomGenerator random(4);
    const QStringList regions{QStringLiteral("South"), QStringLiteral("East"),
                              QStringLiteral("West"), QStringLiteral("North")};
    for (int i = 0; i < 800; ++i) {
        const QString name = (random.bounded(10) < 7 ? QStringLiteral("North ") : QString()) +
                             cities()[int(random.bounded(qsizetype(cities().size())))] +
                             QStringLiteral(" Field");
        const int region = random.bounded(10) < 6 ? 3 : int(random.bounded(3));
        temp.exec(
            QStringLiteral("INSERT INTO airports (name, region, city) VALUES (?, ?, ?)"),
            {name, regions[region], cities()[int(random.bounded(qsizetype(cities().size())))]});
    }
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("airports"));
    QRandomGenerator learning(1);
    const QJsonObject learned = RecipeLearner::learn(temp.db(), table, learning);
    QVERIFY(!learned[u"columns"][u"name"].toObject().contains(u"starts_with"));
}

void TestStartsWith::startsWithIsDrawnAsWritten()
{
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE airports (id INTEGER PRIMARY KEY, number INTEGER, name TEXT, city TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("airports"));
    // Half the names from the city, " A" three times as often as " B"; a NULL city (3 in 10)
    // leaves the name to its own words.
    const QJsonObject columns{
        {QStringLiteral("number"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("sequence")},
                     {QStringLiteral("start"), 1}}},
        {QStringLiteral("city"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"), WeightedList::of({{QStringLiteral("Mena"), 1}})},
                     {QStringLiteral("null_rate"), 0.3}}},
        {QStringLiteral("name"),
         QJsonObject{
             {QStringLiteral("generator"), QStringLiteral("words")},
             {QStringLiteral("pools"), QJsonArray{WeightedList::of({{QStringLiteral("Own"), 1}})}},
             {QStringLiteral("counts"),
              QJsonArray{QJsonObject{{QStringLiteral("value"), 1}, {QStringLiteral("weight"), 1}}}},
             {QStringLiteral("starts_with"),
              QJsonObject{
                  {QStringLiteral("column"), QStringLiteral("city")},
                  {QStringLiteral("share"), 0.5},
                  {QStringLiteral("tails"),
                   WeightedList::of({{QStringLiteral(" A"), 3}, {QStringLiteral(" B"), 1}})}}}}}};
    QRandomGenerator random(9);
    RecipeRunOptions options;
    options.rows = 8000;
    QCOMPARE(RecipeRunner::run(temp.db(), table, RecipeJson::of(columns), options, random).inserted,
             options.rows);
    const auto share = [&](const QString &where) {
        return temp.scalar(QStringLiteral("SELECT avg(%1) FROM airports").arg(where)).toDouble();
    };
    // Of the rows with a city (0.7), half are made from it: 0.35 in all, 3 : 1.
    QVERIFY2(std::abs(share(QStringLiteral("name = 'Mena A'")) - 0.2625) < 0.02,
             qPrintable(QString::number(share(QStringLiteral("name = 'Mena A'")))));
    QVERIFY(std::abs(share(QStringLiteral("name = 'Mena B'")) - 0.0875) < 0.015);
    QCOMPARE(share(QStringLiteral("city IS NULL AND name <> 'Own'")), 0.0);
    QCOMPARE(share(QStringLiteral("name NOT IN ('Own', 'Mena A', 'Mena B')")), 0.0);
}

void TestStartsWith::badStartsWithIsRefusedWithThePlace()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE airports (name TEXT, city TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("airports"));
    auto refusal = [&table](const QJsonObject &link) {
        const QJsonObject city{
            {QStringLiteral("generator"), QStringLiteral("choice")},
            {QStringLiteral("values"), WeightedList::of({{QStringLiteral("Mena"), 1}})}};
        const QJsonObject name{
            {QStringLiteral("generator"), QStringLiteral("choice")},
            {QStringLiteral("values"), WeightedList::of({{QStringLiteral("Own"), 1}})},
            {QStringLiteral("starts_with"), link}};
        try {
            RecipeCompiler::validate(
                RecipeJson::of({{QStringLiteral("city"), city}, {QStringLiteral("name"), name}}),
                table);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    QJsonObject link{
        {QStringLiteral("column"), QStringLiteral("city")},
        {QStringLiteral("share"), 0.5},
        {QStringLiteral("tails"), WeightedList::of({{QStringLiteral(" Municipal"), 1}})}};
    QCOMPARE(refusal(link), QString());
    link.insert(QStringLiteral("column"), QStringLiteral("name"));
    QCOMPARE(refusal(link),
             QStringLiteral("Recipe: columns.name.starts_with.column cannot name its own column"));
    link.insert(QStringLiteral("column"), QStringLiteral("town"));
    QVERIFY2(refusal(link).startsWith(QStringLiteral("Recipe: columns.name.starts_with.column ")),
             qPrintable(refusal(link)));
    link.insert(QStringLiteral("column"), QStringLiteral("city"));
    link.insert(QStringLiteral("share"), 1.5);
    QCOMPARE(refusal(link),
             QStringLiteral("Recipe: columns.name.starts_with.share must be between 0 and 1"));
    link.insert(QStringLiteral("share"), 0.5);
    link.insert(QStringLiteral("tails"), QJsonArray{QJsonObject{{QStringLiteral("value"), 3},
                                                                {QStringLiteral("weight"), 1}}});
    QCOMPARE(refusal(link),
             QStringLiteral("Recipe: columns.name.starts_with.tails values must be text"));
}

QTEST_GUILESS_MAIN(TestStartsWith)
#include "tst_StartsWith.moc"
