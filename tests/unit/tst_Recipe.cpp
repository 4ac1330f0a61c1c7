// The recipe engine's parts: generators, detectors and recipe validation.
#include "RecipeJson.h"
#include "ShopTable.h"
#include "TempDatabase.h"
#include "WeightedList.h"
#include "db/SchemaReader.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"
#include "profile/ColumnProfiler.h"
#include "recipe/DateTimeGenerator.h"
#include "recipe/DependencyLearner.h"
#include "recipe/QuantileSampler.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "recipe/TemplateGenerator.h"
#include "recipe/TextRecipeLearner.h"
#include "recipe/WeightedPicker.h"
#include "util/DateTimeFormats.h"
#include "util/DateTimeText.h"
#include "util/GenerationCancelled.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString refusal(const QJsonObject &json, const TableInfo &table)
{
    try {
        RecipeCompiler::validate(json, table);
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return {};
}

} // namespace

class TestRecipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatesKeepTheirShape();
    void dateTextMatchesQt();
    void quantilesStayInRangeAndFollowTheShape();
    void weightedPickerFollowsWeights();
    void detectorsRecogniseFormats();
    void cramersVTellsDependence();
    void badRecipesAreRefusedWithThePlace();
};

void TestRecipe::templatesKeepTheirShape()
{
    QRandomGenerator random(1);
    TemplateGenerator generator(
        {{TemplateGenerator::compile(QStringLiteral("\\SKU-9999-Aa")), 1.0},
         {TemplateGenerator::compile(QStringLiteral("+\\1 (999) 999-9999")), 1.0}});
    const QRegularExpression shape(
        QStringLiteral("^(SKU-\\d{4}-[A-Z][a-z]|\\+1 \\(\\d{3}\\) \\d{3}-\\d{4})$"));
    GeneratedValue value;
    QSet<QByteArray> distinct;
    for (int i = 0; i < 500; ++i) {
        generator.generate({}, random, value);
        QVERIFY2(shape.match(QString::fromUtf8(value.bytes)).hasMatch(), value.bytes.constData());
        distinct.insert(value.bytes);
    }
    QVERIFY(distinct.size() > 490);
    QCOMPARE(TextRecipeLearner::shapeOf(QStringLiteral("AB-12 x\\")),
             QStringLiteral("AA-99 a\\\\"));
    // Characters shared by every value stay literal.
    QStringList codes;
    for (int i = 0; i < 50; ++i)
        codes << QStringLiteral("SKU-%1").arg(1000 + i * 7);
    QCOMPARE(TextRecipeLearner::codeTemplate(codes)
                 .value(QLatin1String("templates"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("\\S\\K\\U-\\1999"));
    QVERIFY(TextRecipeLearner::codeTemplate({QStringLiteral("Alice"), QStringLiteral("Bob")})
                .isEmpty());
}

void TestRecipe::dateTextMatchesQt()
{
    QRandomGenerator random(2);
    const QStringList formats{
        QStringLiteral("yyyy-MM-dd"),          QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"),
        QStringLiteral("dd/MM/yyyy hh:mm AP"), QStringLiteral("d.M.yy H:m:s"),
        QStringLiteral("MMM dd, yyyy"),        QStringLiteral("dd-MMM-yyyy HH:mm")};
    for (const QString &format : formats) {
        const DateTimeText text(format);
        QVERIFY(text.isSupported());
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = qint64(random.bounded(4000000000.0) * 1000) - 500000000000LL;
            const QString expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format);
            QCOMPARE(QString::fromUtf8(text.format(ms)), expected);
            // And it reads back as Qt reads it.
            const QDateTime qt = QDateTime::fromString(expected, format);
            double seconds = 0;
            QVERIFY(DateTimeFormats::parse(expected, format, &seconds));
            QCOMPARE(qint64(std::llround(seconds * 1000)),
                     QDateTime(qt.date(), qt.time(), Qt::UTC).toMSecsSinceEpoch());
        }
    }
    double seconds = 0;
    QVERIFY(!DateTimeFormats::parse(QStringLiteral("2023-02-29"), QStringLiteral("yyyy-MM-dd"),
                                    &seconds));
    QVERIFY(!DateTimeFormats::parse(QStringLiteral("2024-1-05"), QStringLiteral("yyyy-MM-dd"),
                                    &seconds));
    QVERIFY(!DateTimeFormats::parse(QStringLiteral("2024-01-05 "), QStringLiteral("yyyy-MM-dd"),
                                    &seconds));
    QVERIFY(DateTimeFormats::parse(QStringLiteral("2024-02-29"), QStringLiteral("yyyy-MM-dd"),
                                   &seconds));
    QCOMPARE(seconds, 1709164800.0);
    QVERIFY(!DateTimeFormats::parse(QStringLiteral("Jux 12 1998"), QStringLiteral("MMM dd yyyy"),
                                    &seconds));
    QVERIFY(!DateTimeFormats::parse(QStringLiteral("jun 12 1998"), QStringLiteral("MMM dd yyyy"),
                                    &seconds));
    QVERIFY(DateTimeFormats::parse(QStringLiteral("Dec 31 1998"), QStringLiteral("MMM dd yyyy"),
                                   &seconds));
    QCOMPARE(seconds, 915062400.0);
    QVERIFY(!DateTimeText(QStringLiteral("dddd yyyy")).isSupported());
}

void TestRecipe::quantilesStayInRangeAndFollowTheShape()
{
    // 90% of the mass between 0 and 1, the rest up to 100.
    std::vector<double> quantiles;
    for (int i = 0; i <= 9; ++i)
        quantiles.push_back(i / 9.0);
    quantiles.push_back(100);
    QuantileSampler sampler(quantiles);
    QRandomGenerator random(3);
    int small = 0;
    for (int i = 0; i < 10000; ++i) {
        const double value = sampler.sample(random);
        QVERIFY(value >= 0 && value <= 100);
        small += value <= 1.0;
    }
    QVERIFY2(small > 8800 && small < 9200, qPrintable(QString::number(small)));
    QCOMPARE(QuantileSampler::quantilesOf({1, 2, 3, 4, 5}, 3), (std::vector<double>{1, 3, 5}));
}

void TestRecipe::weightedPickerFollowsWeights()
{
    WeightedPicker<int> picker({{1, 1.0}, {2, 3.0}, {3, 6.0}});
    QRandomGenerator random(4);
    QHash<int, int> counts;
    for (int i = 0; i < 100000; ++i)
        ++counts[picker.pick(random)];
    QVERIFY(qAbs(counts[1] - 10000) < 600);
    QVERIFY(qAbs(counts[2] - 30000) < 900);
    QVERIFY(qAbs(counts[3] - 60000) < 900);
}

void TestRecipe::detectorsRecogniseFormats()
{
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("2024-02-29"), QStringLiteral("2023-12-01")}),
             QStringLiteral("yyyy-MM-dd"));
    QCOMPARE(DateTimeFormats::detect(
                 {QStringLiteral("2024-02-29T10:11:12Z"), QStringLiteral("2023-12-01T00:00:00Z")}),
             QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("31/12/2024"), QStringLiteral("01/02/2023")}),
             QStringLiteral("dd/MM/yyyy"));
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("12/31/2024"), QStringLiteral("01/02/2023")}),
             QStringLiteral("MM/dd/yyyy"));
    // Months by name, as exports write them (vega's movies: "Jun 12 1998").
    QCOMPARE(
        DateTimeFormats::detect({QStringLiteral("Jun 12 1998"), QStringLiteral("Mar 05 1999")}),
        QStringLiteral("MMM dd yyyy"));
    QCOMPARE(
        DateTimeFormats::detect({QStringLiteral("12-Jun-1998"), QStringLiteral("05-Mar-1999")}),
        QStringLiteral("dd-MMM-yyyy"));
    QCOMPARE(DateTimeFormats::pattern(QStringLiteral("MMM dd, yyyy")),
             QStringLiteral("^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{2}, \\d{4}$"));
    // A day of one or two digits (vega's stocks: "Jan 1 2000"), in the pattern too.
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("Jan 1 2000"), QStringLiteral("Feb 12 2000")}),
             QStringLiteral("MMM d yyyy"));
    QCOMPARE(DateTimeFormats::pattern(QStringLiteral("MMM d yyyy")),
             QStringLiteral("^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2} \\d{4}$"));
    QVERIFY(DateTimeGenerator::isUsableFormat(QStringLiteral("MMM d yyyy")));
    // Times after a slashed date (vega's flights: "2001/01/14 21:55"), and dates without
    // leading zeros as spreadsheets write them; a padded column keeps its padded layout.
    QCOMPARE(DateTimeFormats::detect(
                 {QStringLiteral("2001/01/14 21:55"), QStringLiteral("2001/03/02 06:05")}),
             QStringLiteral("yyyy/MM/dd HH:mm"));
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("1/15/2001"), QStringLiteral("12/3/2001")}),
             QStringLiteral("M/d/yyyy"));
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("15/1/2001"), QStringLiteral("3/12/2001")}),
             QStringLiteral("d/M/yyyy"));
    QCOMPARE(DateTimeFormats::detect(
                 {QStringLiteral("1/15/2001 7:05"), QStringLiteral("12/3/2001 13:45")}),
             QStringLiteral("M/d/yyyy H:mm"));
    QCOMPARE(DateTimeFormats::detect({QStringLiteral("01/15/2001"), QStringLiteral("12/03/2001")}),
             QStringLiteral("MM/dd/yyyy"));
    for (const QString &format : DateTimeFormats::known())
        QVERIFY2(DateTimeGenerator::isUsableFormat(format), qPrintable(format));
    QVERIFY(DateTimeFormats::detect({QStringLiteral("Abc 12 1998")}).isEmpty());
    QVERIFY(DateTimeFormats::detect({QStringLiteral("2024-13-40")}).isEmpty());
    QVERIFY(DateTimeFormats::detect({QStringLiteral("hello")}).isEmpty());
    // Learned e-mail generators write addresses that read back as e-mail addresses.
    const QJsonObject spec = TextRecipeLearner::email(
        {QStringLiteral("ada.lovelace@example.com"), QStringLiteral("alan_t42@math.org")});
    TableInfo table;
    table.name = QStringLiteral("t");
    ColumnInfo column;
    column.name = QStringLiteral("mail");
    column.affinity = SqlAffinity::Text;
    table.columns << column;
    const CompiledRecipe compiled =
        RecipeCompiler::compile(RecipeJson::of({{QStringLiteral("mail"), spec}}), table);
    QRandomGenerator random(5);
    std::vector<GeneratedValue> row(1);
    QStringList mails;
    for (int i = 0; i < 300; ++i) {
        compiled.generate(row, random);
        mails << QString::fromUtf8(row[0].bytes);
    }
    QCOMPARE(ColumnProfiler::detectFormat(mails), QStringLiteral("email"));

    // Every generator's values have the shape its name promises.
    const QList<QPair<QJsonObject, QString>> shapes{
        {{{QStringLiteral("generator"), QStringLiteral("uuid")}},
         QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")},
        {{{QStringLiteral("generator"), QStringLiteral("ipv4")}},
         QStringLiteral("^((25[0-4]|2[0-4]\\d|1\\d\\d|[1-9]\\d?)\\.){3}(25[0-4]|2[0-4]\\d|1\\d\\d|["
                        "1-9]\\d?)$")},
        {{{QStringLiteral("generator"), QStringLiteral("url")},
          {QStringLiteral("prefixes"),
           WeightedList::of({{QStringLiteral("https://shop.example/p/"), 1}})},
          {QStringLiteral("tokens"),
           WeightedList::of({{QStringLiteral("red"), 1}, {QStringLiteral("shoe"), 2}})},
          {QStringLiteral("parts"), WeightedList::of({{1, 1}, {2, 1}})}},
         QStringLiteral("^https://shop\\.example/p/(red|shoe)(-(red|shoe))?$")},
        {{{QStringLiteral("generator"), QStringLiteral("words")},
          {QStringLiteral("pools"), QJsonArray{WeightedList::of({{QStringLiteral("Ada"), 1}}),
                                               WeightedList::of({{QStringLiteral("Kim"), 1}})}},
          {QStringLiteral("counts"), WeightedList::of({{2, 1}})}},
         QStringLiteral("^Ada Kim$")},
        {{{QStringLiteral("generator"), QStringLiteral("datetime")},
          {QStringLiteral("format"), QStringLiteral("dd.MM.yyyy")},
          {QStringLiteral("quantiles"),
           QJsonArray{QStringLiteral("2020-01-01"), QStringLiteral("2020-12-31")}}},
         QStringLiteral("^(0[1-9]|[12]\\d|3[01])\\.(0[1-9]|1[0-2])\\.2020$")},
        {{{QStringLiteral("generator"), QStringLiteral("number")},
          {QStringLiteral("quantiles"), QJsonArray{1.5, 2, 9.25}},
          {QStringLiteral("decimals"), 2}},
         QStringLiteral("^([1-8]\\.\\d{1,2}|[2-9](\\.\\d{1,2})?|9\\.(0\\d?|1\\d?|2[0-5]?))$")},
    };
    for (const auto &[spec, pattern] : shapes) {
        const CompiledRecipe one =
            RecipeCompiler::compile(RecipeJson::of({{QStringLiteral("mail"), spec}}), table);
        const QRegularExpression expression(pattern);
        for (int i = 0; i < 300; ++i) {
            one.generate(row, random);
            const QString text = row[0].type == GeneratedValue::Text
                                     ? QString::fromUtf8(row[0].bytes)
                                     : row[0].toVariant().toString();
            QVERIFY2(expression.match(text).hasMatch(), qPrintable(text + u' ' + pattern));
        }
    }
}

void TestRecipe::cramersVTellsDependence()
{
    QList<QVariantList> rows;
    for (int i = 0; i < 400; ++i)
        rows << QVariantList{QStringLiteral("c%1").arg(i % 4), QStringLiteral("k%1").arg(i % 4),
                             QStringLiteral("x%1").arg((i / 4) % 3)};
    QCOMPARE(DependencyLearner::cramersV(rows, 0, 1), 1.0);
    QVERIFY(DependencyLearner::cramersV(rows, 0, 2) < 0.1);
}

void TestRecipe::badRecipesAreRefusedWithThePlace()
{
    TempDatabase temp(ShopTable::schema());
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(6);
    ShopTable::seed(temp, 40);
    const QJsonObject good = RecipeLearner::learn(temp.db(), orders, random);
    QCOMPARE(refusal(good, orders), QString());

    auto with = [&good](const QString &column, const QJsonObject &spec) {
        QJsonObject copy = good;
        QJsonObject columns = copy.value(QLatin1String("columns")).toObject();
        columns.insert(column, spec);
        copy.insert(QStringLiteral("columns"), columns);
        return copy;
    };
    QCOMPARE(refusal(with(QStringLiteral("amount"),
                          {{QStringLiteral("generator"), QStringLiteral("number")},
                           {QStringLiteral("quantiles"), QJsonArray{5, 3}}}),
                     orders),
             QStringLiteral("Recipe: columns.amount.quantiles must be in ascending order"));
    QCOMPARE(refusal(with(QStringLiteral("amount"),
                          {{QStringLiteral("generator"), QStringLiteral("number")},
                           {QStringLiteral("quantiles"), QJsonArray{1, 9}},
                           {QStringLiteral("atoms"),
                            QJsonArray{QJsonObject{{QStringLiteral("value"), 0},
                                                   {QStringLiteral("share"), 0.7}},
                                       QJsonObject{{QStringLiteral("value"), 5},
                                                   {QStringLiteral("share"), 0.6}}}}}),
                     orders),
             QStringLiteral("Recipe: columns.amount.atoms shares add up to 1.3, more than 1"));
    QCOMPARE(refusal(with(QStringLiteral("amount"),
                          {{QStringLiteral("generator"), QStringLiteral("number")},
                           {QStringLiteral("quantiles"), QJsonArray{1, 9}},
                           {QStringLiteral("atoms"),
                            QJsonArray{QJsonObject{{QStringLiteral("value"), "zero"},
                                                   {QStringLiteral("share"), 0.5}}}}}),
                     orders),
             QStringLiteral("Recipe: columns.amount.atoms must list {\"value\": number, "
                            "\"share\": number in (0, 1]}"));
    QCOMPARE(refusal(with(QStringLiteral("note"),
                          {{QStringLiteral("generator"), QStringLiteral("poetry")}}),
                     orders),
             QStringLiteral("Recipe: columns.note.generator \"poetry\" is not one of: %1")
                 .arg(RecipeCompiler::generatorNames().join(QStringLiteral(", "))));
    QCOMPARE(refusal(with(QStringLiteral("city"),
                          {{QStringLiteral("generator"), QStringLiteral("constant")},
                           {QStringLiteral("value"), QStringLiteral("Rome")},
                           {QStringLiteral("null_rate"), 0.5}}),
                     orders),
             QStringLiteral("Recipe: columns.city.null_rate must be 0: the column is NOT NULL"));
    QCOMPARE(refusal(with(QStringLiteral("customer_id"),
                          {{QStringLiteral("generator"), QStringLiteral("sequence")},
                           {QStringLiteral("start"), 1}}),
                     orders),
             QStringLiteral("Recipe: columns.customer_id.generator must be foreign_key: the column "
                            "references \"customers\""));
    QCOMPARE(refusal(with(QStringLiteral("id"),
                          {{QStringLiteral("generator"), QStringLiteral("sequence")},
                           {QStringLiteral("start"), 1}}),
                     orders),
             QStringLiteral("Recipe: columns.id is filled by SQLite itself; leave it out"));
    QCOMPARE(
        refusal(with(QStringLiteral("city"),
                     {{QStringLiteral("generator"), QStringLiteral("choice")},
                      {QStringLiteral("values"), WeightedList::of({{QStringLiteral("A"), 0}})}}),
                orders),
        QStringLiteral("Recipe: columns.city.values[0] needs a \"weight\" above 0"));
    QJsonObject cyclic =
        with(QStringLiteral("city"),
             {{QStringLiteral("generator"), QStringLiteral("choice")},
              {QStringLiteral("values"), WeightedList::of({{QStringLiteral("A"), 1}})},
              {QStringLiteral("given"), QStringLiteral("country")},
              {QStringLiteral("by"), QJsonObject()}});
    QJsonObject cyclicColumns = cyclic.value(QLatin1String("columns")).toObject();
    cyclicColumns.insert(
        QStringLiteral("country"),
        QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                    {QStringLiteral("values"), WeightedList::of({{QStringLiteral("B"), 1}})},
                    {QStringLiteral("given"), QStringLiteral("city")},
                    {QStringLiteral("by"), QJsonObject()}});
    cyclic.insert(QStringLiteral("columns"), cyclicColumns);
    QVERIFY(refusal(cyclic, orders).contains(QLatin1String("depends on itself")));
    QJsonObject missing = good;
    QJsonObject fewer = missing.value(QLatin1String("columns")).toObject();
    fewer.remove(QStringLiteral("note"));
    missing.insert(QStringLiteral("columns"), fewer);
    QVERIFY(refusal(missing, orders).startsWith(QLatin1String("Recipe: columns.note is missing")));
    QVERIFY(refusal({}, orders).startsWith(QLatin1String("Recipe: format must be")));
}

QTEST_GUILESS_MAIN(TestRecipe)
#include "tst_Recipe.moc"
