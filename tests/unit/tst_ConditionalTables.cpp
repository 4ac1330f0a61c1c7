// A category drawn from its table given another (ConditionalTableLearner, ChoiceGenerator): an
// airline at the airports it flies from, learned in a tree's leaf and within a value drawn
// exactly given another column; no table where the real rows only hold accidents; and the
// recipe's nested tables and smoothing, drawn as written and refused with their place.
#include "OfflineRun.h"
#include "RecipeJson.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "recipe/ConditionalTableLearner.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>
#include <cmath>

namespace {

constexpr int Airports = 150, Airlines = 40, RowsPerAirport = 10;

// Airport a's home airlines: (a + k * 13) mod 40 for k = 0, 1, 2.
int homeAirline(int airport, int k)
{
    return (airport + k * 13) % Airlines;
}

// Four flights in five are by one of the airport's three home airlines, the rest by any: as
// loosely as airports and airlines go together in the FAA's bird strikes (Cramér's V 0.35).
QString airlineOf(int airport, QRandomGenerator &random)
{
    const int airline = random.bounded(5) < 4 ? homeAirline(airport, random.bounded(3))
                                              : int(random.bounded(Airlines));
    return QStringLiteral("Airline %1").arg(airline);
}

// The share of rows after `realRows` flown by one of their airport's home airlines (real
// rows: 0.8 + 0.2 * 3 / 40 = 0.815; airlines drawn apart from airports: 3 / 40).
double homeShare(TempDatabase &temp, int realRows)
{
    return temp
        .scalar(QStringLiteral("SELECT avg((CAST(substr(airline, 9) AS INTEGER) - CAST(substr("
                               "airport, 9) AS INTEGER) + 160) % 40 IN (0, 13, 26)) FROM flights "
                               "WHERE rowid > %1")
                    .arg(realRows))
        .toDouble();
}

// A column that makes every new row distinct, so that the rows tested are never refused as
// copies of each other.
QJsonObject sequence()
{
    return QJsonObject{{QStringLiteral("generator"), QStringLiteral("sequence")},
                       {QStringLiteral("start"), 1}};
}

// Runs a recipe of these columns for `rows` new rows; how many were inserted.
qint64 run(TempDatabase &temp, const TableInfo &table, const QJsonObject &columns, qint64 rows,
           quint32 seed)
{
    QRandomGenerator random(seed);
    RecipeRunOptions options;
    options.rows = rows;
    return RecipeRunner::run(temp.db(), table, RecipeJson::of(columns), options, random).inserted;
}

QJsonArray weighted(const QList<QPair<QString, double>> &items)
{
    QJsonArray array;
    for (const auto &[value, weight] : items)
        array << QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("weight"), weight}};
    return array;
}

// Cars of three origins, each with its own makes, and models of any make: "toyota corona".
const QList<QPair<QString, QStringList>> &makesByOrigin()
{
    static const QList<QPair<QString, QStringList>> list{
        {QStringLiteral("USA"),
         {QStringLiteral("ford"), QStringLiteral("chevrolet"), QStringLiteral("buick"),
          QStringLiteral("dodge"), QStringLiteral("plymouth")}},
        {QStringLiteral("Japan"),
         {QStringLiteral("toyota"), QStringLiteral("datsun"), QStringLiteral("honda"),
          QStringLiteral("mazda")}},
        {QStringLiteral("Europe"),
         {QStringLiteral("volkswagen"), QStringLiteral("volvo"), QStringLiteral("peugeot"),
          QStringLiteral("fiat")}}};
    return list;
}

// 600 cars whose name is a make, a model and a trim (more names than a category holds);
// the make is of the car's origin when `tied`, of any origin otherwise. Each has a weekday.
void fillCars(TempDatabase &temp, bool tied)
{
    QRandomGenerator random(12);
    const QStringList models{"corona", "pinto", "civic",  "rabbit", "maverick", "impala",
                             "dart",   "fury",  "accord", "beetle", "cutlass",  "skylark",
                             "omni",   "rx3",   "colt",   "torino", "monaco",   "valiant"};
    const QStringList trims{"sedan", "wagon",    "coupe",   "deluxe",  "custom", "gl",
                            "sport", "brougham", "hardtop", "limited", "diesel"};
    QStringList allMakes;
    for (const auto &[origin, makes] : makesByOrigin())
        allMakes << makes;
    for (int i = 0; i < 600; ++i) {
        const auto &[origin, makes] = makesByOrigin()[int(random.bounded(3))];
        const QString make = tied ? makes[int(random.bounded(qsizetype(makes.size())))]
                                  : allMakes[int(random.bounded(qsizetype(allMakes.size())))];
        temp.exec(QStringLiteral("INSERT INTO cars (name, origin, weekday, weight) "
                                 "VALUES (?, ?, ?, ?)"),
                  {QStringLiteral("%1 %2 %3")
                       .arg(make, models[int(random.bounded(qsizetype(models.size())))],
                            trims[int(random.bounded(qsizetype(trims.size())))]),
                   origin, QStringLiteral("Day %1").arg(random.bounded(7)),
                   1500 + random.bounded(3000.0)});
    }
}

QStringList carsTable()
{
    return {
        QStringLiteral("CREATE TABLE cars (name TEXT, origin TEXT, weekday TEXT, weight REAL)")};
}

// The recipe entry learned for the name of 600 cars (fillCars).
QJsonObject learnedName(TempDatabase &temp, bool tied)
{
    fillCars(temp, tied);
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("cars"));
    QRandomGenerator random(3);
    return RecipeLearner::learn(temp.db(), table, random)[u"columns"][u"name"].toObject();
}

// The share of cars after `realRows` whose make is one of their origin's.
double makesOfTheirOrigin(TempDatabase &temp, int realRows)
{
    QSqlQuery query(temp.db());
    query.prepare(QStringLiteral("SELECT name, origin FROM cars WHERE rowid > ?"));
    query.addBindValue(realRows);
    query.exec();
    int rows = 0, kept = 0;
    while (query.next()) {
        ++rows;
        for (const auto &[origin, makes] : makesByOrigin())
            kept += origin == query.value(1).toString() &&
                    makes.contains(query.value(0).toString().section(u' ', 0, 0));
    }
    return rows ? double(kept) / rows : 0;
}

} // namespace

class TestConditionalTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theParentThatTellsIsChosen();
    void withinACountryTheAirlineCountsToo();
    void aNumberFollowsTheCategoryThatTells();
    void accidentsGetNoTable();
    void nestedTablesAreDrawnAsWritten();
    void badTablesAreRefusedWithThePlace();
    void numbersGivenAValueAreDrawnAsWritten();
    void aNullGivenValueHasNoEntry();
    void wordsFollowTheCategoryThatTells();
    void wordsOfAccidentsGetNoTable();
    void wordsGivenAValueAreDrawnAsWritten();
    void codesBeginAsTheirCategorysDo();
};

void TestConditionalTables::theParentThatTellsIsChosen()
{
    // 1,500 flights at 150 airports: the airline follows the airport, not the weekday.
    QRandomGenerator random(5);
    TreeColumn airport, weekday;
    std::vector<int> airline;
    QList<QJsonValue> airlines;
    for (int i = 0; i < Airlines; ++i)
        airlines << QStringLiteral("Airline %1").arg(i);
    for (int i = 0; i < Airports; ++i)
        airport.categories << QStringLiteral("Airport %1").arg(i);
    for (int i = 0; i < 7; ++i)
        weekday.categories << i + 1;
    std::vector<int> rows;
    for (int r = 0; r < Airports * RowsPerAirport; ++r) {
        const int a = r % Airports;
        airport.code.push_back(a);
        weekday.code.push_back(int(random.bounded(7)));
        airline.push_back(airlineOf(a, random).section(u' ', 1).toInt());
        rows.push_back(r);
    }
    const QStringList names{QStringLiteral("airline"), QStringLiteral("airport"),
                            QStringLiteral("weekday")};
    const ConditionalTableLearner::Target target{airline, airlines};
    const QJsonObject table =
        ConditionalTableLearner::fit(target, rows, {{1, &airport}, {2, &weekday}}, names);
    QCOMPARE(table.value(QLatin1String("given")).toString(), QStringLiteral("airport"));
    QCOMPARE(table.value(QLatin1String("by")).toObject().size(), Airports);
    const double smoothing = table.value(QLatin1String("smoothing")).toDouble();
    QVERIFY2(smoothing > 0 && smoothing < 100, qPrintable(QString::number(smoothing)));
    // Airport 7's list holds its home airlines first: 7, 20 and 33.
    const QJsonArray seven =
        table.value(QLatin1String("by")).toObject().value(QLatin1String("Airport 7")).toArray();
    QStringList top;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, seven.size()); ++i)
        top << seven[i].toObject().value(QLatin1String("value")).toString();
    top.sort();
    QCOMPARE(top, QStringList({QStringLiteral("Airline 20"), QStringLiteral("Airline 33"),
                               QStringLiteral("Airline 7")}));
    // The weekday alone tells nothing: no table.
    QVERIFY(ConditionalTableLearner::fit(target, rows, {{2, &weekday}}, names).isEmpty());
}

void TestConditionalTables::withinACountryTheAirlineCountsToo()
{
    // As in the FAA's bird strikes: the airport is drawn exactly given its country (one
    // determines the other), the airline given the country, and the aircraft given the airline.
    // Within its country, the airport is drawn given the airline as well.
    TempDatabase temp({QStringLiteral("CREATE TABLE flights (airport TEXT NOT NULL, country TEXT "
                                      "NOT NULL, airline TEXT NOT NULL, aircraft TEXT, delay "
                                      "REAL)")});
    QRandomGenerator random(6);
    for (int i = 0; i < Airports * RowsPerAirport; ++i) {
        const int airport = i % Airports;
        const QString airline = airlineOf(airport, random);
        const int fleet = airline.section(u' ', 1).toInt() % 8;
        temp.exec(QStringLiteral("INSERT INTO flights VALUES (?, ?, ?, ?, ?)"),
                  {QStringLiteral("Airport %1").arg(airport),
                   QStringLiteral("Country %1").arg(airport % 6), airline,
                   QStringLiteral("Aircraft %1")
                       .arg(random.bounded(10) < 9 ? fleet : int(random.bounded(8))),
                   random.bounded(60.0)});
    }
    const int real = Airports * RowsPerAirport;
    QCOMPARE(generateOffline(temp, QStringLiteral("flights"), 2000, 2).inserted, 2000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM flights n WHERE rowid > %1 AND NOT "
                                        "EXISTS (SELECT 1 FROM flights r WHERE r.rowid <= %1 AND "
                                        "r.airport = n.airport AND r.country = n.country)")
                             .arg(real))
                 .toInt(),
             0);
    // Real rows 0.815; airports drawn given their country alone 0.09.
    const double home = homeShare(temp, real);
    QVERIFY2(home > 0.5, qPrintable(QString::number(home)));
}

void TestConditionalTables::aNumberFollowsTheCategoryThatTells()
{
    // 1,500 airports in 50 states whose latitudes overlap (each state spans 3 degrees, each
    // next one starts 0.5 further north): the state tells the latitude, the weekday does not.
    QRandomGenerator random(9);
    TreeColumn state, weekday;
    for (int i = 0; i < 50; ++i)
        state.categories << QStringLiteral("State %1").arg(i);
    for (int i = 0; i < 7; ++i)
        weekday.categories << QStringLiteral("Day %1").arg(i);
    std::vector<double> latitude;
    std::vector<int> rows;
    for (int r = 0; r < 1500; ++r) {
        const int s = r % 50;
        state.code.push_back(s);
        weekday.code.push_back(int(random.bounded(7)));
        latitude.push_back(r % 97 == 0 ? std::nan("") : 25 + 0.5 * s + random.bounded(3.0));
        rows.push_back(r);
    }
    const QStringList names{QStringLiteral("latitude"), QStringLiteral("state"),
                            QStringLiteral("weekday")};
    const QJsonObject table = ConditionalTableLearner::fitNumbers(
        latitude, rows, {{1, &state}, {2, &weekday}}, names, 21);
    QCOMPARE(table.value(QLatin1String("given")).toString(), QStringLiteral("state"));
    const QJsonObject by = table.value(QLatin1String("by")).toObject();
    QCOMPARE(by.size(), 50);
    // State 10's own latitudes: 30 rows between 30 and 33.
    const QJsonObject ten = by.value(QLatin1String("State 10")).toObject();
    QVERIFY2(ten.value(QLatin1String("rows")).toInt() >= 29,
             qPrintable(QJsonDocument(ten).toJson()));
    const QJsonArray quantiles = ten.value(QLatin1String("quantiles")).toArray();
    QVERIFY(quantiles.first().toDouble() >= 30 && quantiles.last().toDouble() <= 33);
    QVERIFY(
        ConditionalTableLearner::fitNumbers(latitude, rows, {{2, &weekday}}, names, 21).isEmpty());
}

void TestConditionalTables::accidentsGetNoTable()
{
    // 200 people whose first and last names and favourite colours were drawn apart: the
    // pairs the 200 rows hold are accidents, and a table of them would copy real people.
    TempDatabase temp({QStringLiteral("CREATE TABLE people (first TEXT, last TEXT, colour TEXT)")});
    QRandomGenerator random(7);
    for (int i = 0; i < 200; ++i)
        temp.exec(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)"),
                  {QStringLiteral("First %1").arg(random.bounded(36)),
                   QStringLiteral("Last %1").arg(random.bounded(30)),
                   QStringLiteral("Colour %1").arg(random.bounded(12))});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("people"));
    const QJsonObject learned = RecipeLearner::learn(temp.db(), table, random);
    const QByteArray json = QJsonDocument(learned).toJson(QJsonDocument::Compact);
    QVERIFY2(!json.contains("\"given\""), json.constData());
}

void TestConditionalTables::nestedTablesAreDrawnAsWritten()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE flights (number INTEGER, country TEXT, "
                                      "airline TEXT, airport TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("flights"));
    // In FR the airport follows the airline; in DE it is drawn from DE's list 10 times in 15
    // (smoothing 5 against 10 rows), else from all airports.
    const QJsonObject byAirline{{QStringLiteral("AF"), weighted({{QStringLiteral("CDG"), 1}})},
                                {QStringLiteral("EZ"), weighted({{QStringLiteral("ORY"), 1}})}};
    const QJsonObject airport{
        {QStringLiteral("generator"), QStringLiteral("choice")},
        {QStringLiteral("values"), weighted({{QStringLiteral("XXX"), 1}})},
        {QStringLiteral("given"), QStringLiteral("country")},
        {QStringLiteral("smoothing"), 5},
        {QStringLiteral("by"),
         QJsonObject{
             {QStringLiteral("FR"),
              QJsonObject{{QStringLiteral("values"),
                           weighted({{QStringLiteral("CDG"), 1}, {QStringLiteral("ORY"), 1}})},
                          {QStringLiteral("given"), QStringLiteral("airline")},
                          {QStringLiteral("by"), byAirline}}},
             {QStringLiteral("DE"), weighted({{QStringLiteral("FRA"), 10}})}}}};
    const QJsonObject columns{
        {QStringLiteral("number"), sequence()},
        {QStringLiteral("country"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"),
                      weighted({{QStringLiteral("FR"), 1}, {QStringLiteral("DE"), 1}})}}},
        {QStringLiteral("airline"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"),
                      weighted({{QStringLiteral("AF"), 1}, {QStringLiteral("EZ"), 1}})}}},
        {QStringLiteral("airport"), airport}};
    QCOMPARE(run(temp, table, columns, 3000, 8), 3000);
    // In FR the smoothing is 5 against 2 rows: 2 in 7 follow the airline, the rest are XXX.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM flights WHERE country = 'FR' AND "
                                        "airport NOT IN ('XXX', CASE airline WHEN 'AF' THEN "
                                        "'CDG' ELSE 'ORY' END)"))
                 .toInt(),
             0);
    const double followFr = temp.scalar(QStringLiteral("SELECT avg(airport <> 'XXX') FROM flights "
                                                       "WHERE country = 'FR'"))
                                .toDouble();
    QVERIFY2(std::fabs(followFr - 2.0 / 7) < 0.05, qPrintable(QString::number(followFr)));
    const double followDe = temp.scalar(QStringLiteral("SELECT avg(airport = 'FRA') FROM flights "
                                                       "WHERE country = 'DE'"))
                                .toDouble();
    QVERIFY2(std::fabs(followDe - 10.0 / 15) < 0.05, qPrintable(QString::number(followDe)));
}

void TestConditionalTables::badTablesAreRefusedWithThePlace()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (a TEXT, b TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    auto refusal = [&table](const QJsonObject &b) {
        const QJsonObject a{{QStringLiteral("generator"), QStringLiteral("choice")},
                            {QStringLiteral("values"), weighted({{QStringLiteral("x"), 1}})}};
        try {
            RecipeCompiler::validate(
                RecipeJson::of({{QStringLiteral("a"), a}, {QStringLiteral("b"), b}}), table);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    QJsonObject b{
        {QStringLiteral("generator"), QStringLiteral("choice")},
        {QStringLiteral("values"), weighted({{QStringLiteral("y"), 1}})},
        {QStringLiteral("given"), QStringLiteral("a")},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("x"),
                      QJsonObject{{QStringLiteral("values"), weighted({{QStringLiteral("y"), 1}})},
                                  {QStringLiteral("given"), QStringLiteral("b")},
                                  {QStringLiteral("by"), QJsonObject()}}}}}};
    QCOMPARE(refusal(b), QStringLiteral("Recipe: columns.b.by.x.given cannot name its own column"));
    b.insert(QStringLiteral("smoothing"), -1);
    QCOMPARE(refusal(b), QStringLiteral("Recipe: columns.b.smoothing must be between 0 and 1e+09"));
    b.insert(QStringLiteral("smoothing"), 1);
    b.insert(QStringLiteral("by"),
             QJsonObject{{QStringLiteral("x"),
                          QJsonObject{{QStringLiteral("given"), QStringLiteral("a")}}}});
    QCOMPARE(refusal(b), QStringLiteral("Recipe: columns.b.by.x.values is missing"));
}

void TestConditionalTables::numbersGivenAValueAreDrawnAsWritten()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE airports (number INTEGER, state TEXT, "
                                      "latitude REAL)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("airports"));
    // Alaska's 30 rows against a smoothing of 10: 3 in 4 from Alaska's latitudes, else the
    // column's own (never above 50); Hawaii has no entry and always takes the column's own.
    QJsonObject latitude{
        {QStringLiteral("generator"), QStringLiteral("number")},
        {QStringLiteral("decimals"), 2},
        {QStringLiteral("quantiles"), QJsonArray{25, 50}},
        {QStringLiteral("given"), QStringLiteral("state")},
        {QStringLiteral("smoothing"), 10},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("AK"),
                      QJsonObject{{QStringLiteral("rows"), 30},
                                  {QStringLiteral("quantiles"), QJsonArray{55, 71}}}}}}};
    const QJsonObject columns{
        {QStringLiteral("number"), sequence()},
        {QStringLiteral("state"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"),
                      weighted({{QStringLiteral("AK"), 1}, {QStringLiteral("HI"), 1}})}}},
        {QStringLiteral("latitude"), latitude}};
    QCOMPARE(run(temp, table, columns, 4000, 10), 4000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM airports WHERE state = 'HI' AND NOT "
                                        "latitude BETWEEN 25 AND 50"))
                 .toInt(),
             0);
    const double alaskan = temp.scalar(QStringLiteral("SELECT avg(latitude BETWEEN 55 AND 71) "
                                                      "FROM airports WHERE state = 'AK'"))
                               .toDouble();
    QVERIFY2(std::fabs(alaskan - 0.75) < 0.04, qPrintable(QString::number(alaskan)));
    // An entry must say how many rows it stands for.
    latitude.insert(QStringLiteral("by"),
                    QJsonObject{{QStringLiteral("AK"),
                                 QJsonObject{{QStringLiteral("quantiles"), QJsonArray{55, 71}}}}});
    QJsonObject broken = columns;
    broken.insert(QStringLiteral("latitude"), latitude);
    try {
        RecipeCompiler::validate(RecipeJson::of(broken), table);
        QFAIL("a number's entry without rows was accepted");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(), QStringLiteral("Recipe: columns.latitude.by.AK.rows is missing"));
    }
    // And is not given another column in turn.
    latitude.insert(QStringLiteral("by"),
                    QJsonObject{{QStringLiteral("AK"),
                                 QJsonObject{{QStringLiteral("rows"), 3},
                                             {QStringLiteral("given"), QStringLiteral("state")},
                                             {QStringLiteral("by"), QJsonObject()}}}});
    broken.insert(QStringLiteral("latitude"), latitude);
    try {
        RecipeCompiler::validate(RecipeJson::of(broken), table);
        QFAIL("a number's entry given another column was accepted");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(
                     QLatin1String("Recipe: columns.latitude.by.AK.by is not allowed")),
                 qPrintable(error.message()));
    }
}

void TestConditionalTables::aNullGivenValueHasNoEntry()
{
    // A NULL country is not the empty text: it takes the column's own values, for a category
    // and for a number alike.
    TempDatabase temp({QStringLiteral("CREATE TABLE t (number INTEGER, country TEXT, city TEXT, "
                                      "size REAL)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("t"));
    const QJsonObject columns{
        {QStringLiteral("number"), sequence()},
        {QStringLiteral("country"),
         QJsonObject{
             {QStringLiteral("generator"), QStringLiteral("choice")},
             {QStringLiteral("null_rate"), 0.5},
             {QStringLiteral("values"), weighted({{QString(), 1}, {QStringLiteral("FR"), 1}})}}},
        {QStringLiteral("city"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"), weighted({{QStringLiteral("Any"), 1}})},
                     {QStringLiteral("given"), QStringLiteral("country")},
                     {QStringLiteral("by"),
                      QJsonObject{{QString(), weighted({{QStringLiteral("Nowhere"), 1}})}}}}},
        {QStringLiteral("size"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("number")},
                     {QStringLiteral("quantiles"), QJsonArray{0, 1}},
                     {QStringLiteral("given"), QStringLiteral("country")},
                     {QStringLiteral("by"),
                      QJsonObject{{QString(), QJsonObject{{QStringLiteral("rows"), 1e9},
                                                          {QStringLiteral("quantiles"),
                                                           QJsonArray{100, 101}}}}}}}}};
    QCOMPARE(run(temp, table, columns, 400, 11), 400);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM t WHERE country IS NULL AND "
                                        "(city <> 'Any' OR size > 1)"))
                 .toInt(),
             0);
    // The empty text itself has its entry.
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM t WHERE country = '' AND city = "
                                       "'Nowhere' AND size >= 100"))
                .toInt() > 50);
}

void TestConditionalTables::wordsFollowTheCategoryThatTells()
{
    TempDatabase temp(carsTable());
    const QJsonObject name = learnedName(temp, true);
    QCOMPARE(name.value(u"generator").toString(), QStringLiteral("words"));
    QCOMPARE(name.value(u"given").toString(), QStringLiteral("origin"));
    const QJsonObject japan = name[u"by"][u"Japan"].toObject();
    QVERIFY(japan.value(u"rows").toInt() > 150);
    QCOMPARE(japan[u"pools"][0].toArray().size(), 4); // the four Japanese makes
    QCOMPARE(generateOffline(temp, QStringLiteral("cars"), 2000, 5).inserted, 2000);
    // Real cars: every make of its origin; drawn apart from the origin: about a third.
    const double share = makesOfTheirOrigin(temp, 600);
    QVERIFY2(share > 0.95, qPrintable(QString::number(share)));
}

void TestConditionalTables::wordsOfAccidentsGetNoTable()
{
    TempDatabase temp(carsTable());
    const QJsonObject name = learnedName(temp, false);
    QCOMPARE(name.value(u"generator").toString(), QStringLiteral("words"));
    QVERIFY2(!name.contains(u"given"), qPrintable(name.value(u"given").toString()));
}

void TestConditionalTables::wordsGivenAValueAreDrawnAsWritten()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE cars (number INTEGER, origin TEXT, "
                                      "name TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("cars"));
    // Japan's 30 rows against a smoothing of 10: 3 in 4 of its names from its own words, the
    // rest from the column's; Europe has no entry.
    const QJsonArray one{QJsonObject{{QStringLiteral("value"), 1}, {QStringLiteral("weight"), 1}}};
    QJsonObject name{
        {QStringLiteral("generator"), QStringLiteral("words")},
        {QStringLiteral("pools"), QJsonArray{weighted({{QStringLiteral("ford"), 1}})}},
        {QStringLiteral("counts"), one},
        {QStringLiteral("given"), QStringLiteral("origin")},
        {QStringLiteral("smoothing"), 10},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("Japan"),
                      QJsonObject{{QStringLiteral("rows"), 30},
                                  {QStringLiteral("pools"),
                                   QJsonArray{weighted({{QStringLiteral("toyota"), 1}})}}}}}}};
    const QJsonObject columns{
        {QStringLiteral("number"), sequence()},
        {QStringLiteral("origin"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                     {QStringLiteral("values"),
                      weighted({{QStringLiteral("Japan"), 1}, {QStringLiteral("Europe"), 1}})}}},
        {QStringLiteral("name"), name}};
    QCOMPARE(run(temp, table, columns, 8000, 4), 8000);
    const double toyota =
        temp.scalar(QStringLiteral("SELECT avg(name = 'toyota') FROM cars WHERE origin = 'Japan'"))
            .toDouble();
    QVERIFY2(std::abs(toyota - 0.75) < 0.025, qPrintable(QString::number(toyota)));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM cars WHERE origin = 'Europe' AND "
                                        "name <> 'ford'"))
                 .toInt(),
             0);
    // An entry's words are checked where they stand.
    name.insert(QStringLiteral("by"),
                QJsonObject{{QStringLiteral("Japan"), QJsonObject{{QStringLiteral("rows"), 30},
                                                                  {QStringLiteral("pools"), 3}}}});
    QJsonObject broken = columns;
    broken.insert(QStringLiteral("name"), name);
    try {
        RecipeCompiler::validate(RecipeJson::of(broken), table);
        QFAIL("an entry with pools that are no lists was accepted");
    } catch (const RowforgeError &error) {
        QCOMPARE(error.message(),
                 QStringLiteral("Recipe: columns.name.by.Japan.pools must be a non-empty list of "
                                "word lists"));
    }
}

void TestConditionalTables::codesBeginAsTheirCategorysDo()
{
    // ZIP codes of 12 states, each state with three 3-digit heads of its own (state s: 1s0,
    // 1s3, 1s7 with s in 0-9, then 2s0...), 900 places; a town makes the column wide.
    TempDatabase temp(
        {QStringLiteral("CREATE TABLE places (zip TEXT, state TEXT, town TEXT, lat REAL)")});
    QRandomGenerator random(21);
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 900; ++i) {
        const int state = int(random.bounded(12));
        const int head = (1 + state / 10) * 100 + (state % 10) * 10 +
                         QList<int>{0, 3, 7}[int(random.bounded(3))];
        temp.exec(QStringLiteral("INSERT INTO places VALUES (?, ?, ?, ?)"),
                  {QStringLiteral("%1%2").arg(head).arg(random.bounded(100), 2, 10, QChar(u'0')),
                   QStringLiteral("S%1").arg(state), QStringLiteral("Town %1").arg(i),
                   random.bounded(10.0)});
    }
    temp.exec(QStringLiteral("COMMIT"));
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("places"));
    QRandomGenerator learning(3);
    const QJsonObject zip =
        RecipeLearner::learn(temp.db(), table, learning)[u"columns"][u"zip"].toObject();
    QCOMPARE(zip.value(u"generator").toString(), QStringLiteral("template"));
    QCOMPARE(zip.value(u"given").toString(), QStringLiteral("state"));
    QCOMPARE(zip[u"by"][u"S3"][u"templates"].toArray().size(), 3);
    QCOMPARE(generateOffline(temp, QStringLiteral("places"), 2000, 6).inserted, 2000);
    // A new place's ZIP begins as one of its state's; the column's own templates ("99999")
    // would give a state's heads 3 times in 90,000.
    const double kept =
        temp.scalar(QStringLiteral("SELECT avg(EXISTS (SELECT 1 FROM places o WHERE o.rowid <= "
                                   "900 AND o.state = n.state AND substr(o.zip, 1, 3) = "
                                   "substr(n.zip, 1, 3))) FROM places n WHERE n.rowid > 900"))
            .toDouble();
    QVERIFY2(kept > 0.95, qPrintable(QString::number(kept)));
}

QTEST_GUILESS_MAIN(TestConditionalTables)
#include "tst_ConditionalTables.moc"
