// Which word follows which in a words column (WordChainLearner, WordsGenerator's chain): a make
// keeps its own models; first and last names drawn apart get no chain, which would only repeat
// real people; a recipe's "next" is drawn as written and refused with its place when wrong.
#include "OfflineRun.h"
#include "RecipeJson.h"
#include "TempDatabase.h"
#include "WeightedList.h"
#include "db/SchemaReader.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

namespace {

// Each make's own models.
const QList<QPair<QString, QStringList>> &modelsByMake()
{
    static const QList<QPair<QString, QStringList>> list{
        {QStringLiteral("ford"),
         {QStringLiteral("pinto"), QStringLiteral("maverick"), QStringLiteral("torino")}},
        {QStringLiteral("toyota"),
         {QStringLiteral("corona"), QStringLiteral("celica"), QStringLiteral("corolla")}},
        {QStringLiteral("dodge"),
         {QStringLiteral("dart"), QStringLiteral("aspen"), QStringLiteral("colt")}},
        {QStringLiteral("volvo"), {QStringLiteral("144ea"), QStringLiteral("245")}},
        {QStringLiteral("honda"), {QStringLiteral("civic"), QStringLiteral("accord")}}};
    return list;
}

QJsonObject learnedColumn(TempDatabase &temp, const QString &table, const QString &column)
{
    QRandomGenerator random(2);
    const TableInfo info = SchemaReader::require(temp.db(), table);
    return RecipeLearner::learn(temp.db(), info, random)[u"columns"][column].toObject();
}

} // namespace

class TestWordChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void makesKeepTheirModels();
    void namesDrawnApartGetNoChain();
    void chainIsDrawnAsWritten();
    void wordThatNeverEndedATextIsFollowed();
    void badChainIsRefusedWithThePlace();
};

void TestWordChain::makesKeepTheirModels()
{
    // 800 cars named make, model and maybe one of 60 trims (more names than a category holds).
    TempDatabase temp({QStringLiteral("CREATE TABLE cars (name TEXT, weight REAL)")});
    QRandomGenerator random(6);
    for (int i = 0; i < 800; ++i) {
        const auto &[make, models] = modelsByMake()[int(random.bounded(5))];
        QString name = make + u' ' + models[int(random.bounded(qsizetype(models.size())))];
        if (random.bounded(3))
            name += QStringLiteral(" trim%1").arg(random.bounded(60));
        temp.exec(QStringLiteral("INSERT INTO cars VALUES (?, ?)"),
                  {name, 1500 + random.bounded(3000.0)});
    }
    const QJsonObject name = learnedColumn(temp, QStringLiteral("cars"), QStringLiteral("name"));
    QCOMPARE(name.value(u"generator").toString(), QStringLiteral("words"));
    QVERIFY(name[u"next"][u"by"][u"ford"].toArray().size() == 3);
    QCOMPARE(generateOffline(temp, QStringLiteral("cars"), 2000, 8).inserted, 2000);
    QSqlQuery query(temp.db());
    query.exec(QStringLiteral("SELECT name FROM cars WHERE rowid > 800"));
    int rows = 0, kept = 0;
    while (query.next()) {
        const QStringList words = query.value(0).toString().split(u' ');
        ++rows;
        for (const auto &[make, models] : modelsByMake())
            kept += words.size() >= 2 && words[0] == make && models.contains(words[1]);
    }
    // Models drawn apart from their make would be the make's own one time in five; the chain
    // leaves a few to the position's words, as held-out rows say it should.
    QVERIFY2(kept >= rows * 90 / 100, qPrintable(QStringLiteral("%1 of %2").arg(kept).arg(rows)));
}

void TestWordChain::namesDrawnApartGetNoChain()
{
    // 1,000 people whose first and last names were drawn apart.
    TempDatabase temp({QStringLiteral("CREATE TABLE people (name TEXT, age INTEGER)")});
    QRandomGenerator random(7);
    for (int i = 0; i < 1000; ++i)
        temp.exec(QStringLiteral("INSERT INTO people VALUES (?, ?)"),
                  {QStringLiteral("First%1 Last%2")
                       .arg(QChar(u'a' + random.bounded(26)))
                       .arg(QChar(u'a' + random.bounded(26))),
                   random.bounded(18, 90)});
    const QJsonObject name = learnedColumn(temp, QStringLiteral("people"), QStringLiteral("name"));
    QCOMPARE(name.value(u"generator").toString(), QStringLiteral("words"));
    QVERIFY(!name.contains(u"next"));
}

void TestWordChain::chainIsDrawnAsWritten()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE cars (number INTEGER, name TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("cars"));
    // Two words planned. After "ford", 4 times in 5 (4 against a smoothing of 0.5 for each of
    // its 2 kinds of follower) a follower:
    // "pinto" 3 in 4 (nothing follows it: the plan of two words ends it), the end 1 in 4;
    // otherwise the second pool's "x". So "ford pinto" 0.6, "ford" 0.2, "ford x" 0.2.
    const QJsonObject columns{
        {QStringLiteral("number"),
         QJsonObject{{QStringLiteral("generator"), QStringLiteral("sequence")},
                     {QStringLiteral("start"), 1}}},
        {QStringLiteral("name"),
         QJsonObject{
             {QStringLiteral("generator"), QStringLiteral("words")},
             {QStringLiteral("pools"), QJsonArray{WeightedList::of({{QStringLiteral("ford"), 1}}),
                                                  WeightedList::of({{QStringLiteral("x"), 1}})}},
             {QStringLiteral("counts"),
              QJsonArray{QJsonObject{{QStringLiteral("value"), 2}, {QStringLiteral("weight"), 1}}}},
             {QStringLiteral("next"),
              QJsonObject{{QStringLiteral("smoothing"), 0.5},
                          {QStringLiteral("by"),
                           QJsonObject{{QStringLiteral("ford"),
                                        WeightedList::of(
                                            {{QStringLiteral("pinto"), 3}, {QString(), 1}})}}}}}}}};
    QRandomGenerator random(3);
    RecipeRunOptions options;
    options.rows = 10000;
    QCOMPARE(RecipeRunner::run(temp.db(), table, RecipeJson::of(columns), options, random).inserted,
             options.rows);
    const auto share = [&](const QString &name) {
        return temp.scalar(QStringLiteral("SELECT avg(name = ?) FROM cars"), {name}).toDouble();
    };
    QVERIFY2(std::abs(share(QStringLiteral("ford pinto")) - 0.6) < 0.02,
             qPrintable(QString::number(share(QStringLiteral("ford pinto")))));
    QVERIFY(std::abs(share(QStringLiteral("ford")) - 0.2) < 0.02);
    QVERIFY(std::abs(share(QStringLiteral("ford x")) - 0.2) < 0.02);
}

void TestWordChain::wordThatNeverEndedATextIsFollowed()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE towns (number INTEGER, name TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("towns"));
    // One word planned, and "Hot" is followed by "Springs" 2 times in 4 (2 against a smoothing
    // of 2). The other half the plan would end the town at "Hot", which no real town does: its
    // followers lack the end. So "Hot Springs" every time, and "Bath" (no followers) alone.
    const QJsonObject name{
        {QStringLiteral("generator"), QStringLiteral("words")},
        {QStringLiteral("pools"),
         QJsonArray{WeightedList::of({{QStringLiteral("Hot"), 1}, {QStringLiteral("Bath"), 1}})}},
        {QStringLiteral("counts"),
         QJsonArray{QJsonObject{{QStringLiteral("value"), 1}, {QStringLiteral("weight"), 1}}}},
        {QStringLiteral("next"),
         QJsonObject{{QStringLiteral("smoothing"), 2},
                     {QStringLiteral("by"),
                      QJsonObject{{QStringLiteral("Hot"),
                                   WeightedList::of({{QStringLiteral("Springs"), 2}})}}}}}};
    QRandomGenerator random(4);
    RecipeRunOptions options;
    options.rows = 2000;
    const QJsonObject number{{QStringLiteral("generator"), QStringLiteral("sequence")},
                             {QStringLiteral("start"), 1}};
    QCOMPARE(RecipeRunner::run(temp.db(), table,
                               RecipeJson::of({{QStringLiteral("number"), number},
                                               {QStringLiteral("name"), name}}),
                               options, random)
                 .inserted,
             options.rows);
    const auto count = [&](const QString &town) {
        return temp.scalar(QStringLiteral("SELECT count(*) FROM towns WHERE name = ?"), {town})
            .toInt();
    };
    QCOMPARE(count(QStringLiteral("Hot")), 0);
    QVERIFY2(std::abs(count(QStringLiteral("Hot Springs")) - 1000) < 100,
             qPrintable(QString::number(count(QStringLiteral("Hot Springs")))));
    QCOMPARE(count(QStringLiteral("Hot Springs")) + count(QStringLiteral("Bath")), options.rows);
}

void TestWordChain::badChainIsRefusedWithThePlace()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE cars (name TEXT)")});
    const TableInfo table = SchemaReader::require(temp.db(), QStringLiteral("cars"));
    auto refusal = [&table](const QJsonObject &next) {
        const QJsonObject name{
            {QStringLiteral("generator"), QStringLiteral("words")},
            {QStringLiteral("pools"), QJsonArray{WeightedList::of({{QStringLiteral("ford"), 1}})}},
            {QStringLiteral("counts"),
             QJsonArray{QJsonObject{{QStringLiteral("value"), 1}, {QStringLiteral("weight"), 1}}}},
            {QStringLiteral("next"), next}};
        try {
            RecipeCompiler::validate(RecipeJson::of({{QStringLiteral("name"), name}}), table);
        } catch (const RowforgeError &error) {
            return error.message();
        }
        return QString();
    };
    QJsonObject next{
        {QStringLiteral("smoothing"), 2},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("ford"), WeightedList::of({{QStringLiteral("pinto"), 1}})}}}};
    QCOMPARE(refusal(next), QString());
    next.insert(QStringLiteral("smoothing"), -1);
    QCOMPARE(refusal(next),
             QStringLiteral("Recipe: columns.name.next.smoothing must be between 0 and 1e+09"));
    next.insert(QStringLiteral("smoothing"), 2);
    next.insert(QStringLiteral("by"),
                QJsonObject{{QStringLiteral("ford"),
                             QJsonArray{QJsonObject{{QStringLiteral("value"), 3},
                                                    {QStringLiteral("weight"), 1}}}}});
    QCOMPARE(refusal(next),
             QStringLiteral("Recipe: columns.name.next.by.ford values must be text"));
    next.remove(QStringLiteral("by"));
    QCOMPARE(refusal(next), QStringLiteral("Recipe: columns.name.next.by is missing"));
}

QTEST_GUILESS_MAIN(TestWordChain)
#include "tst_WordChain.moc"
