// Moments keep the hours of their day: a column's times of day are drawn apart from its days
// (flights leave at 7 and at 19, hardly at 4), a moment that follows another by a gap keeps
// its own hours only where they say more than the gap does, and by whole steps where every real
// gap is (a shipment whole hours after its order), things told by the hour follow it, and a
// recipe's bad times are clear errors.
#include "OfflineRun.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "recipe/GapSummary.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

// Departures over 90 days at the hours of a day's timetable: none from 00:00 to 05:59, most
// in the morning and the evening. Red-eye flights leave from one airport at 23:00-23:59.
void seedDepartures(TempDatabase &temp, int rows, quint32 seed)
{
    QRandomGenerator random(seed);
    const QList<int> hours{6, 7, 7, 7, 8, 8, 9, 10, 12, 14, 16, 17, 18, 18, 18, 19, 19, 20, 21};
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < rows; ++i) {
        const bool redEye = random.bounded(10) == 0;
        const int hour = redEye ? 23 : hours[int(random.bounded(int(hours.size())))];
        const QDateTime moment(QDate(2024, 3, 1).addDays(random.bounded(90)),
                               QTime(hour, int(random.bounded(60))), Qt::UTC);
        temp.exec(QStringLiteral("INSERT INTO departures (origin, departs) VALUES (?, ?)"),
                  {redEye ? QStringLiteral("LAS") : QStringLiteral("A%1").arg(random.bounded(4)),
                   moment.toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    temp.exec(QStringLiteral("COMMIT"));
}

int count(TempDatabase &temp, const QString &where)
{
    return temp
        .scalar(QStringLiteral("SELECT count(*) FROM departures WHERE id > 1000 AND ") + where)
        .toInt();
}

QString recipeError(const QJsonObject &timeOfDay)
{
    TempDatabase temp({QStringLiteral("CREATE TABLE t (at TEXT)")});
    const QJsonObject recipe{
        {QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
        {QStringLiteral("columns"),
         QJsonObject{
             {QStringLiteral("at"),
              QJsonObject{{QStringLiteral("generator"), QStringLiteral("datetime")},
                          {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm")},
                          {QStringLiteral("quantiles"),
                           QJsonArray{QStringLiteral("2024-01-01"), QStringLiteral("2024-12-31")}},
                          {QStringLiteral("time_of_day"), timeOfDay}}}}}};
    try {
        RecipeCompiler::validate(recipe, SchemaReader::require(temp.db(), QStringLiteral("t")));
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return QString();
}

} // namespace

class TestTimesOfDay : public QObject
{
    Q_OBJECT

private slots:
    void departuresKeepTheirHours();
    void theAirportFollowsTheHour();
    void eachShopKeepsItsOwnHours();
    void anOrderKeepsOpeningHoursAfterItsSignup();
    void gapStepsAreFoundAndChecked();
    void badTimesOfDayAreClearErrors();
};

void TestTimesOfDay::departuresKeepTheirHours()
{
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE departures (id INTEGER PRIMARY KEY, origin TEXT, departs TEXT)")});
    seedDepartures(temp, 1000, 1);
    QCOMPARE(generateOffline(temp, QStringLiteral("departures"), 3000, 2).inserted, 3000);
    // Interpolating between moments a day apart put a sixth of them between 00:00 and 05:59.
    QCOMPARE(count(temp, QStringLiteral("substr(departs, 12, 2) < '06'")), 0);
    const double mornings = count(temp, QStringLiteral("substr(departs, 12, 2) IN ('07')"));
    QVERIFY2(std::abs(mornings / 3000 - 0.9 * 3 / 19) < 0.03,
             qPrintable(QString::number(mornings)));
    // Days keep their range: no departure before the first real one or after the last.
    QCOMPARE(count(temp, QStringLiteral("departs < (SELECT min(departs) FROM departures WHERE "
                                        "id <= 1000) OR departs > (SELECT max(departs) FROM "
                                        "departures WHERE id <= 1000)")),
             0);
}

void TestTimesOfDay::theAirportFollowsTheHour()
{
    // The airport is drawn given the departure's hour: red-eyes leave from LAS, as in every
    // real row, and LAS keeps its share instead of growing with every late hour drawn.
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE departures (id INTEGER PRIMARY KEY, origin TEXT, departs TEXT)")});
    seedDepartures(temp, 1000, 3);
    QCOMPARE(generateOffline(temp, QStringLiteral("departures"), 3000, 4).inserted, 3000);
    const int lateFromElsewhere =
        count(temp, QStringLiteral("substr(departs, 12, 2) = '23' AND origin <> 'LAS'"));
    const int late = count(temp, QStringLiteral("substr(departs, 12, 2) = '23'"));
    QVERIFY2(late > 200 && lateFromElsewhere <= late / 100,
             qPrintable(QStringLiteral("%1 of %2").arg(lateFromElsewhere).arg(late)));
    const double las = count(temp, QStringLiteral("origin = 'LAS'"));
    QVERIFY2(std::abs(las / 3000 - 0.1) < 0.03, qPrintable(QString::number(las)));
}

void TestTimesOfDay::eachShopKeepsItsOwnHours()
{
    // A day shop selling since 2022 at 09-16 and a night shop selling since 2024 at 18-23: the
    // sale's moment is drawn given the shop, and each shop's leaf has its own times of day.
    TempDatabase temp({QStringLiteral(
        "CREATE TABLE sales (id INTEGER PRIMARY KEY, shop TEXT, sold_at TEXT, amount REAL)")});
    QRandomGenerator random(7);
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 800; ++i) {
        const bool night = i % 2 == 1;
        const QDateTime moment(
            QDate(night ? 2024 : 2022, 1, 1).addDays(random.bounded(night ? 300 : 700)),
            QTime(night ? 18 + int(random.bounded(6)) : 9 + int(random.bounded(8)),
                  int(random.bounded(60))),
            Qt::UTC);
        temp.exec(QStringLiteral("INSERT INTO sales (shop, sold_at, amount) VALUES (?, ?, ?)"),
                  {night ? QStringLiteral("night") : QStringLiteral("day"),
                   moment.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                   double(random.bounded(10000)) / 100});
    }
    temp.exec(QStringLiteral("COMMIT"));
    QCOMPARE(generateOffline(temp, QStringLiteral("sales"), 2000, 8).inserted, 2000);
    auto outside = [&](const char *shop, const char *from, const char *to) {
        return temp
            .scalar(QStringLiteral("SELECT count(*) FROM sales WHERE id > 800 AND shop = ? AND "
                                   "substr(sold_at, 12, 2) NOT BETWEEN ? AND ?"),
                    {QString::fromUtf8(shop), QString::fromUtf8(from), QString::fromUtf8(to)})
            .toInt();
    };
    // A column's times alone would put half of each shop's sales in the other's hours.
    QVERIFY2(outside("day", "09", "16") <= 20,
             qPrintable(QString::number(outside("day", "09", "16"))));
    QVERIFY2(outside("night", "18", "23") <= 20,
             qPrintable(QString::number(outside("night", "18", "23"))));
}

void TestTimesOfDay::anOrderKeepsOpeningHoursAfterItsSignup()
{
    // Orders are placed 9:00-16:59, days after the signup (a date); each ships 12 to 96 hours
    // after it is placed, at whatever hour that makes.
    TempDatabase temp({QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, signed_up "
                                      "TEXT, ordered_at TEXT, shipped_at TEXT)")});
    QRandomGenerator random(5);
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < 600; ++i) {
        const QDate signup = QDate(2023, 1, 1).addDays(random.bounded(500));
        const QDateTime ordered(
            signup.addDays(random.bounded(200)),
            QTime(9 + int(random.bounded(8)), int(random.bounded(60)), int(random.bounded(60))),
            Qt::UTC);
        const QDateTime shipped = ordered.addSecs(3600 * (12 + random.bounded(85)));
        temp.exec(QStringLiteral("INSERT INTO orders (signed_up, ordered_at, shipped_at) VALUES "
                                 "(?, ?, ?)"),
                  {signup.toString(Qt::ISODate),
                   ordered.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                   shipped.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))});
    }
    temp.exec(QStringLiteral("COMMIT"));
    QRandomGenerator learning(1);
    const QJsonObject columns =
        RecipeLearner::learn(temp.db(), SchemaReader::require(temp.db(), QStringLiteral("orders")),
                             learning)[u"columns"]
            .toObject();
    QCOMPARE(columns[u"ordered_at"][u"generator"].toString(), QStringLiteral("after"));
    QVERIFY(columns[u"ordered_at"].toObject().contains(QLatin1String("time_of_day")));
    QCOMPARE(columns[u"shipped_at"][u"generator"].toString(), QStringLiteral("after"));
    QVERIFY(!columns[u"shipped_at"].toObject().contains(QLatin1String("time_of_day")));
    // Every shipment is whole hours after its order; an order is no whole step after a signup.
    QCOMPARE(columns[u"shipped_at"][u"gap_step"].toDouble(), 3600.0);
    QVERIFY(!columns[u"ordered_at"].toObject().contains(QLatin1String("gap_step")));

    QCOMPARE(generateOffline(temp, QStringLiteral("orders"), 2000, 6).inserted, 2000);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 600 AND "
                                        "(substr(ordered_at, 12, 2) < '09' OR "
                                        "substr(ordered_at, 12, 2) > '16' OR "
                                        "ordered_at < signed_up)"))
                 .toInt(),
             0);
    // The shipping gap is the gap seen, not moved to another hour of the day.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 600 AND "
                                        "(unixepoch(shipped_at) - unixepoch(ordered_at) < 43200 "
                                        "OR unixepoch(shipped_at) - unixepoch(ordered_at) > "
                                        "96 * 3600)"))
                 .toInt(),
             0);
    // And whole hours after it, as every real shipment: the order's minutes and seconds.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 600 AND "
                                        "(unixepoch(shipped_at) - unixepoch(ordered_at)) % 3600 "
                                        "!= 0"))
                 .toInt(),
             0);
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 600 AND shipped_at "
                                       "IS NOT NULL"))
                .toInt() > 1500);
}

void TestTimesOfDay::gapStepsAreFoundAndChecked()
{
    const auto gaps = [](std::initializer_list<double> some, int times) {
        std::vector<double> all;
        for (int i = 0; i < times; ++i)
            all.insert(all.end(), some);
        return all;
    };
    QCOMPARE(GapSummary::stepOf(gaps({86400, 172800, 0}, 7)), 86400.0);
    QCOMPARE(GapSummary::stepOf(gaps({604800, 1209600}, 10)), 604800.0);
    QCOMPARE(GapSummary::stepOf(gaps({86400, 3600 * 30}, 10)), 3600.0);
    QCOMPARE(GapSummary::stepOf(gaps({3600, 2700}, 10)), 900.0);
    QCOMPARE(GapSummary::stepOf(gaps({120, 60.0005}, 10)), 60.0); // parsed milliseconds
    QCOMPARE(GapSummary::stepOf(gaps({3600, 3659}, 10)), 0.0);    // no step
    QCOMPARE(GapSummary::stepOf(gaps({3600}, 19)), 0.0);          // too few to tell
    QCOMPARE(GapSummary::stepOf(gaps({0}, 30)), 0.0);             // no gap at all
    // Numbers keep no step: their own decimals round them.
    QJsonObject numbers{{QStringLiteral("generator"), QStringLiteral("number")}};
    const std::vector<double> bases = gaps({0}, 30), hours = gaps({3600, 7200}, 15);
    GapSummary::describe(bases, hours, numbers);
    QVERIFY(!numbers.contains(QLatin1String("gap_step")));
    QJsonObject moments{{QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm:ss")}};
    GapSummary::describe(bases, hours, moments);
    QCOMPARE(moments[u"gap_step"].toDouble(), 3600.0);

    TempDatabase temp({QStringLiteral("CREATE TABLE t (a TEXT, b TEXT)")});
    auto error = [&](const QJsonValue &step) {
        const QJsonObject recipe{
            {QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
            {QStringLiteral("columns"),
             QJsonObject{
                 {QStringLiteral("a"),
                  QJsonObject{
                      {QStringLiteral("generator"), QStringLiteral("datetime")},
                      {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm")},
                      {QStringLiteral("quantiles"),
                       QJsonArray{QStringLiteral("2024-01-01"), QStringLiteral("2024-12-31")}}}},
                 {QStringLiteral("b"),
                  QJsonObject{
                      {QStringLiteral("generator"), QStringLiteral("after")},
                      {QStringLiteral("column"), QStringLiteral("a")},
                      {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd HH:mm")},
                      {QStringLiteral("gaps"), QJsonArray{3600, 7200}},
                      {QStringLiteral("quantiles"),
                       QJsonArray{QStringLiteral("2024-01-01"), QStringLiteral("2024-12-31")}},
                      {QStringLiteral("gap_step"), step}}}}}};
        try {
            RecipeCompiler::validate(recipe, SchemaReader::require(temp.db(), QStringLiteral("t")));
        } catch (const RowforgeError &e) {
            return e.message();
        }
        return QString();
    };
    QCOMPARE(error(3600), QString());
    QVERIFY2(error(0).startsWith(QStringLiteral("Recipe: columns.b.gap_step must be")),
             qPrintable(error(0)));
    QVERIFY2(
        error(QStringLiteral("an hour")).startsWith(QStringLiteral("Recipe: columns.b.gap_step")),
        qPrintable(error(QStringLiteral("an hour"))));
}

void TestTimesOfDay::badTimesOfDayAreClearErrors()
{
    auto spec = [](const char *json) { return QJsonDocument::fromJson(json).object(); };
    const char *const hours =
        "[0, 0, 0, 0, 0, 1, 4, 9, 9, 8, 7, 7, 7, 7, 6, 6, 7, 9, 9, 6, 4, 2, 1, 0]";
    auto withHours = [&](const char *rest) {
        return spec(QByteArray(R"({"step": 60, "weights": )") + hours + rest + '}');
    };
    QCOMPARE(recipeError(withHours(R"(, "atoms": [{"value": "09:00", "share": 0.2}])")), QString());
    QCOMPARE(recipeError(spec(R"({"step": 720, "weights": [0, 0],
                                  "atoms": [{"value": 86399.5, "share": 1}]})")),
             QString());
    const QString where = QStringLiteral("Recipe: columns.at.time_of_day.");
    QCOMPARE(recipeError(spec(R"({"step": 7, "weights": [1]})")),
             where + QStringLiteral("step must divide the day's 1440 minutes (15, 30, 60, ...)"));
    QCOMPARE(recipeError(spec(R"({"step": 60, "weights": [1, 2, 3]})")),
             where + QStringLiteral("weights must list 24 weights, one per 60 minutes from 00:00"));
    QCOMPARE(recipeError(spec(R"({"step": 720, "weights": [1, -1]})")),
             where + QStringLiteral("weights must be numbers >= 0"));
    QCOMPARE(recipeError(spec(R"({"step": 720, "weights": [0, 0]})")),
             where + QStringLiteral("weights must not all be 0 unless the atoms take every draw"));
    const QString atoms = where + QStringLiteral("atoms must be a list of {\"value\": time, "
                                                 "\"share\": number in (0, 1]}");
    QCOMPARE(recipeError(withHours(R"(, "atoms": {})")), atoms);
    QCOMPARE(recipeError(withHours(R"(, "atoms": [{"value": "09:00", "share": 1.5}])")), atoms);
    const QString times = where + QStringLiteral("atoms must hold times of day (HH:mm:ss, or "
                                                 "seconds since midnight below 86400)");
    QCOMPARE(recipeError(withHours(R"(, "atoms": [{"value": "9 am", "share": 0.5}])")), times);
    QCOMPARE(recipeError(withHours(R"(, "atoms": [{"value": "24:00", "share": 0.5}])")), times);
    QCOMPARE(recipeError(withHours(R"(, "atoms": [{"value": 86400, "share": 0.5}])")), times);
}

QTEST_GUILESS_MAIN(TestTimesOfDay)
#include "tst_TimesOfDay.moc"
