// The offline generator and recipes: generators, detectors, recipe validation, and whole runs
// on real SQLite files (constraints hold, no copies, same seed same rows, cancel, recipes from
// the mock LLM with validation, follow-ups and the cache).
#include "MockLlmServer.h"
#include "TempDatabase.h"
#include "db/SchemaReader.h"
#include "generate/ColumnProfiler.h"
#include "generate/GenerationCancelled.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"
#include "recipe/DateTimeFormats.h"
#include "recipe/DateTimeText.h"
#include "recipe/DependencyLearner.h"
#include "recipe/QuantileSampler.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"
#include "recipe/RecipeRunner.h"
#include "recipe/TemplateGenerator.h"
#include "recipe/TextRecipeLearner.h"
#include "recipe/WeightedPicker.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QJsonArray weighted(std::initializer_list<std::pair<QJsonValue, double>> items)
{
    QJsonArray array;
    for (const auto &[value, weight] : items)
        array << QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("weight"), weight}};
    return array;
}

QJsonObject recipe(const QJsonObject &columns)
{
    return QJsonObject{{QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
                       {QStringLiteral("columns"), columns}};
}

QString refusal(const QJsonObject &json, const TableInfo &table)
{
    try {
        RecipeCompiler::validate(json, table);
    } catch (const RowforgeError &error) {
        return error.message();
    }
    return {};
}

// A shop table with every kind of column and constraint the engine must respect.
QStringList shopSchema()
{
    return {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
            QStringLiteral(
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, "
                "customer_id INTEGER NOT NULL REFERENCES customers(id), email TEXT, "
                "city TEXT NOT NULL, country TEXT NOT NULL, status TEXT NOT NULL CHECK (status "
                "IN ('new','paid','sent')), amount REAL NOT NULL CHECK (amount > 0), "
                "ordered TEXT NOT NULL, delivered TEXT, note TEXT, "
                "CHECK (delivered IS NULL OR delivered >= ordered))")};
}

void seedShop(TempDatabase &temp, int rows)
{
    const QStringList names{QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                            QStringLiteral("Grace Hopper")};
    const QList<QPair<QString, QString>> places{
        {QStringLiteral("Berlin"), QStringLiteral("Germany")},
        {QStringLiteral("Hamburg"), QStringLiteral("Germany")},
        {QStringLiteral("Paris"), QStringLiteral("France")},
        {QStringLiteral("Lyon"), QStringLiteral("France")},
        {QStringLiteral("Oslo"), QStringLiteral("Norway")}};
    const QStringList statuses{QStringLiteral("new"), QStringLiteral("paid"),
                               QStringLiteral("sent")};
    for (int i = 1; i <= 30; ++i)
        temp.exec(QStringLiteral("INSERT INTO customers (name) VALUES (?)"), {names[i % 3]});
    QRandomGenerator random(5);
    for (int i = 0; i < rows; ++i) {
        const auto &place = places[random.bounded(int(places.size()))];
        const QDateTime ordered =
            QDateTime(QDate(2023, 1, 1), QTime(8, 0), Qt::UTC).addSecs(random.bounded(30000000));
        const QVariant delivered =
            i % 4 == 0 ? QVariant()
                       : QVariant(ordered.addSecs(86400 + random.bounded(400000))
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        temp.exec(
            QStringLiteral("INSERT INTO orders (code, customer_id, email, city, country, "
                           "status, amount, ordered, delivered, note) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?)"),
            {QStringLiteral("SKU-%1").arg(1000 + i), 1 + random.bounded(30),
             i % 5 == 0 ? QVariant()
                        : QVariant(QStringLiteral("user.%1%2@example.com")
                                       .arg(QStringList{"ada", "bob", "cy", "di"}[i % 4])
                                       .arg(i)),
             place.first, place.second, statuses[random.bounded(3)],
             std::round((5 + random.generateDouble() * random.generateDouble() * 400) * 100) / 100,
             ordered.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), delivered,
             i % 3 ? QVariant()
                   : QVariant(QStringList{"left at door", "call first", "gift wrap please",
                                          "fragile"}[i % 4])});
    }
}

GenerationOptions offline(int rows, quint32 seed)
{
    GenerationOptions options;
    options.rows = rows;
    options.seed = seed;
    options.llm.provider = LlmSettings::Provider::Offline;
    return options;
}

GenerationResult runOffline(TempDatabase &temp, const GenerationOptions &options)
{
    LlmClient unused(options.llm);
    try {
        return GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, unused);
    } catch (const GenerationCancelled &) {
        throw;
    } catch (const RowforgeError &error) {
        qWarning().noquote() << error.message(); // the test then fails on the exception
        throw;
    }
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
    void offlineRowsSatisfyEveryConstraint();
    void sameSeedSameRows();
    void emptyTableUsesTheSchemaAlone();
    void cancelWritesNothing();
    void impossibleUniqueValuesStopWithNothingWritten();
    void recipeFromTheLlmIsValidatedAskedAgainAndCached();
    void anthropicRecipeThroughTheForcedTool();
    void invalidRecipesThreeTimesIsAClearError();

private:
    QTemporaryDir m_cache;
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
        QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"),
        QStringLiteral("dd/MM/yyyy hh:mm AP"), QStringLiteral("d.M.yy H:m:s")};
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
        RecipeCompiler::compile(recipe({{QStringLiteral("mail"), spec}}), table);
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
          {QStringLiteral("prefixes"), weighted({{QStringLiteral("https://shop.example/p/"), 1}})},
          {QStringLiteral("tokens"),
           weighted({{QStringLiteral("red"), 1}, {QStringLiteral("shoe"), 2}})},
          {QStringLiteral("parts"), weighted({{1, 1}, {2, 1}})}},
         QStringLiteral("^https://shop\\.example/p/(red|shoe)(-(red|shoe))?$")},
        {{{QStringLiteral("generator"), QStringLiteral("words")},
          {QStringLiteral("pools"), QJsonArray{weighted({{QStringLiteral("Ada"), 1}}),
                                               weighted({{QStringLiteral("Kim"), 1}})}},
          {QStringLiteral("counts"), weighted({{2, 1}})}},
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
            RecipeCompiler::compile(recipe({{QStringLiteral("mail"), spec}}), table);
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
    TempDatabase temp(shopSchema());
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(6);
    seedShop(temp, 40);
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
    QCOMPARE(refusal(with(QStringLiteral("city"),
                          {{QStringLiteral("generator"), QStringLiteral("choice")},
                           {QStringLiteral("values"), weighted({{QStringLiteral("A"), 0}})}}),
                     orders),
             QStringLiteral("Recipe: columns.city.values[0] needs a \"weight\" above 0"));
    QJsonObject cyclic = with(QStringLiteral("city"),
                              {{QStringLiteral("generator"), QStringLiteral("choice")},
                               {QStringLiteral("values"), weighted({{QStringLiteral("A"), 1}})},
                               {QStringLiteral("given"), QStringLiteral("country")},
                               {QStringLiteral("by"), QJsonObject()}});
    QJsonObject cyclicColumns = cyclic.value(QLatin1String("columns")).toObject();
    cyclicColumns.insert(
        QStringLiteral("country"),
        QJsonObject{{QStringLiteral("generator"), QStringLiteral("choice")},
                    {QStringLiteral("values"), weighted({{QStringLiteral("B"), 1}})},
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

void TestRecipe::offlineRowsSatisfyEveryConstraint()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 300);
    const GenerationResult result = runOffline(temp, offline(3000, 11));
    QCOMPARE(result.inserted, 3000);
    QCOMPARE(result.provider, QStringLiteral("Offline"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3300);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(),
             0);
    QCOMPARE(temp.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    // No new row copies an old one (all columns but the rowid).
    QCOMPARE(temp.scalar(QStringLiteral(
                             "SELECT count(*) FROM orders n JOIN orders o ON o.id <= 300 AND "
                             "n.id > 300 AND n.code IS o.code AND n.customer_id IS o.customer_id "
                             "AND n.email IS o.email AND n.city IS o.city AND n.amount IS "
                             "o.amount AND n.ordered IS o.ordered"))
                 .toInt(),
             0);
    // Related columns stay related: every new (city, country) pair existed before.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders n WHERE n.id > 300 AND NOT "
                                        "EXISTS (SELECT 1 FROM orders o WHERE o.id <= 300 AND "
                                        "o.city = n.city AND o.country = n.country)"))
                 .toInt(),
             0);
    // Formats come back: dates parse, codes keep their shape, e-mails stay e-mails.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders WHERE id > 300 AND "
                                        "(datetime(ordered) IS NOT ordered OR code NOT GLOB "
                                        "'SKU-[0-9][0-9][0-9][0-9]' OR (email IS NOT NULL AND "
                                        "email NOT LIKE '%_@example.com'))"))
                 .toInt(),
             0);
    const double nullEmails =
        temp.scalar(QStringLiteral("SELECT avg(email IS NULL) FROM orders WHERE id > 300"))
            .toDouble();
    QVERIFY2(nullEmails > 0.15 && nullEmails < 0.25, qPrintable(QString::number(nullEmails)));
    // The fidelity report is there and good.
    QVERIFY(result.hasFidelity);
    QVERIFY2(result.fidelity.columnShapes() >= 0.85, qPrintable(result.fidelity.summary()));
    QCOMPARE(result.fidelity.boundaryAdherence(), 1.0);
    QCOMPARE(result.fidelity.categoryAdherence(), 1.0);
    QCOMPARE(result.fidelity.newRowSynthesis, 1.0);
    QVERIFY(result.undoable());
}

void TestRecipe::sameSeedSameRows()
{
    TempDatabase first(shopSchema(), QStringLiteral("a.sqlite"));
    TempDatabase second(shopSchema(), QStringLiteral("b.sqlite"));
    seedShop(first, 3000); // beyond RowSampler::SmallSpan: random rowids, seeded
    seedShop(second, 3000);
    GenerationOptions options = offline(50, 99);
    options.dryRun = true;
    const GenerationResult a = runOffline(first, options);
    const GenerationResult b = runOffline(second, options);
    QCOMPARE(a.validRows.size(), 50);
    QCOMPARE(a.validRows, b.validRows);
    options.seed = 100;
    QVERIFY(runOffline(first, options).validRows != a.validRows);
    // A dry run writes nothing.
    QCOMPARE(first.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 3000);
}

void TestRecipe::emptyTableUsesTheSchemaAlone()
{
    TempDatabase temp({QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, first_name "
                                      "TEXT NOT NULL, email TEXT UNIQUE, born DATE, score REAL)")});
    GenerationOptions options = offline(20, 3);
    LlmClient unused(options.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("people"), options, unused);
    QCOMPARE(result.inserted, 20);
    QVERIFY(result.emptyTable);
    QVERIFY2(result.summary().contains(QLatin1String("from the schema alone")),
             qPrintable(result.summary()));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE email LIKE '%@%' AND "
                                        "date(born) = born AND score BETWEEN 0 AND 100"))
                 .toInt(),
             20);
}

void TestRecipe::cancelWritesNothing()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 100);
    std::atomic<bool> cancelled{true};
    GenerationOptions options = offline(200000, 1);
    options.cancelled = &cancelled;
    QVERIFY_THROWS_EXCEPTION(GenerationCancelled, runOffline(temp, options));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 100);
}

void TestRecipe::impossibleUniqueValuesStopWithNothingWritten()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 20);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(8);
    QJsonObject json = RecipeLearner::learn(temp.db(), orders, random);
    QJsonObject columns = json.value(QLatin1String("columns")).toObject();
    // Only 10 codes exist for a UNIQUE column.
    columns.insert(
        QStringLiteral("code"),
        QJsonObject{{QStringLiteral("generator"), QStringLiteral("template")},
                    {QStringLiteral("templates"), weighted({{QStringLiteral("\\X-9"), 1}})}});
    json.insert(QStringLiteral("columns"), columns);
    RecipeRunOptions options;
    options.rows = 50;
    try {
        RecipeRunner::run(temp.db(), orders, json, options, random);
        QFAIL("50 unique values from 10 possible ones");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QLatin1String("Stopped after 10 of 50 rows")),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("UNIQUE constraint failed: orders.code")));
    }
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 20);
}

void TestRecipe::recipeFromTheLlmIsValidatedAskedAgainAndCached()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 50);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(9);
    const QJsonObject good = RecipeLearner::learn(temp.db(), orders, random);
    QJsonObject bad = good;
    QJsonObject badColumns = bad.value(QLatin1String("columns")).toObject();
    badColumns.insert(QStringLiteral("amount"),
                      QJsonObject{{QStringLiteral("generator"), QStringLiteral("number")},
                                  {QStringLiteral("quantiles"), QJsonArray{9}}});
    bad.insert(QStringLiteral("columns"), badColumns);

    MockLlmServer server;
    // The first answer hides the recipe in prose, and it is invalid; the second is fine.
    server.enqueue(MockLlmServer::openAiText(
        QStringLiteral("Here it is:\n```json\n%1\n```")
            .arg(QString::fromUtf8(QJsonDocument(bad).toJson(QJsonDocument::Compact)))));
    server.enqueue(MockLlmServer::openAiText(QString::fromUtf8(QJsonDocument(good).toJson())));
    GenerationOptions options;
    options.rows = 500;
    options.mode = GenerationOptions::Mode::Recipe;
    options.recipeCacheDir = m_cache.path();
    options.llm.provider = LlmSettings::Provider::OpenAI;
    options.llm.model = QStringLiteral("gpt-4.1-mini");
    options.llm.apiKey = QStringLiteral("sk-test");
    options.llm.baseUrl = server.baseUrl();
    options.sendSamples = false;
    LlmClient client(options.llm);
    GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
    QCOMPARE(result.inserted, 500);
    QCOMPARE(result.mode, QStringLiteral("recipe"));
    QCOMPARE(result.requests, 2);
    QCOMPARE(result.inputTokens, 1024);
    QVERIFY2(result.summary().contains(QLatin1String("OpenAI gpt-4.1-mini-2025-04-14 recipe")),
             qPrintable(result.summary()));
    QCOMPARE(server.requests().size(), 2);
    const QJsonObject first = server.requests()[0].json();
    const QJsonObject format = first.value(QLatin1String("response_format")).toObject();
    QCOMPARE(format.value(QLatin1String("json_schema"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("recipe"));
    const QString prompt = first.value(QLatin1String("messages"))
                               .toArray()[1]
                               .toObject()
                               .value(QLatin1String("content"))
                               .toString();
    QVERIFY(prompt.contains(QLatin1String("| `template` |"))); // the catalogue is in the prompt
    QVERIFY(!prompt.contains(QLatin1String("Sample rows")));   // samples were not allowed
    const QString followUp = server.requests()[1]
                                 .json()
                                 .value(QLatin1String("messages"))
                                 .toArray()[1]
                                 .toObject()
                                 .value(QLatin1String("content"))
                                 .toString();
    QVERIFY(followUp.contains(QLatin1String(
        "Your previous recipe was refused: Recipe: columns.amount.quantiles must list at least "
        "two values")));
    QCOMPARE(QDir(m_cache.path()).entryList(QDir::Files).size(), 1);

    // The next run of the same table and schema uses the cache: no request.
    options.rows = 10;
    LlmClient again(options.llm);
    result = GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, again);
    QCOMPARE(result.inserted, 10);
    QVERIFY(result.recipeFromCache);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 560);
}

void TestRecipe::anthropicRecipeThroughTheForcedTool()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 30);
    const TableInfo orders = *SchemaReader::read(temp.db(), QStringLiteral("orders"));
    QRandomGenerator random(10);
    const QJsonObject good = RecipeLearner::learn(temp.db(), orders, random);
    MockLlmServer server;
    const QJsonObject answer{
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("model"), QStringLiteral("claude-haiku-4-5")},
        {QStringLiteral("stop_reason"), QStringLiteral("tool_use")},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                {QStringLiteral("name"), QStringLiteral("emit_recipe")},
                                {QStringLiteral("input"), good}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("input_tokens"), 10}, {QStringLiteral("output_tokens"), 20}}}};
    server.enqueue({200, QJsonDocument(answer).toJson(), {}, MockLlmServer::Response::Respond});
    GenerationOptions options;
    options.rows = 100;
    options.mode = GenerationOptions::Mode::Recipe;
    options.useRecipeCache = false;
    options.recipeCacheDir = m_cache.path();
    options.llm.provider = LlmSettings::Provider::Anthropic;
    options.llm.model = QStringLiteral("claude-haiku-4-5");
    options.llm.apiKey = QStringLiteral("sk-ant");
    options.llm.baseUrl = server.baseUrl();
    LlmClient client(options.llm);
    const GenerationResult result =
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
    QCOMPARE(result.inserted, 100);
    const QJsonObject request = server.requests().first().json();
    QCOMPARE(request.value(QLatin1String("tool_choice")).toObject().value(QLatin1String("name")),
             QJsonValue(QStringLiteral("emit_recipe")));
    QCOMPARE(request.value(QLatin1String("tools"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("input_schema"))
                 .toObject()
                 .value(QLatin1String("required")),
             QJsonValue(QJsonArray{QStringLiteral("format"), QStringLiteral("columns")}));
}

void TestRecipe::invalidRecipesThreeTimesIsAClearError()
{
    TempDatabase temp(shopSchema());
    seedShop(temp, 30);
    MockLlmServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue(MockLlmServer::openAiText(QStringLiteral("{\"columns\": {}}")));
    GenerationOptions options;
    options.rows = 10;
    options.mode = GenerationOptions::Mode::Recipe;
    options.useRecipeCache = false;
    options.recipeCacheDir = m_cache.path();
    options.llm.provider = LlmSettings::Provider::OpenAI;
    options.llm.model = QStringLiteral("gpt-4.1-mini");
    options.llm.apiKey = QStringLiteral("sk-test");
    options.llm.baseUrl = server.baseUrl();
    LlmClient client(options.llm);
    try {
        GenerationPipeline::run(temp.db(), QStringLiteral("orders"), options, client);
        QFAIL("three invalid recipes");
    } catch (const RowforgeError &error) {
        QVERIFY2(error.message().startsWith(QLatin1String(
                     "OpenAI sent no valid recipe for \"orders\" in 3 requests. The last one was "
                     "refused: Recipe: columns.code is missing")),
                 qPrintable(error.message()));
    }
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 30);
}

QTEST_GUILESS_MAIN(TestRecipe)
#include "tst_Recipe.moc"
