// Offline generation of 1,000,000 rows (issue #6's goal: under 5 s on 2 cores), on two
// 10-column tables: "readings" (plain: no index besides the rowid, no CHECK) and the demo's
// "customers" (a UNIQUE email index and CHECK constraints, as real tables have). Each run
// starts from a fresh copy of the seeded database; the figure is the median of 3.
// Run by hand (not part of CTest):
//   build/tests/bench_offline_generation [ROWS=1000000] [DIR=/tmp]
#include "db/DatabaseConnection.h"
#include "db/DemoSeeder.h"
#include "db/RowInserter.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/Transaction.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"
#include "recipe/CompiledRecipe.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeLearner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// 10,000 sensor readings with skewed numbers, categories, timestamps and some NULLs.
void seedReadings(QSqlDatabase &db)
{
    SqlExec::exec(db,
                  QStringLiteral("CREATE TABLE readings (sensor TEXT NOT NULL, site TEXT NOT NULL, "
                                 "taken_at TEXT NOT NULL, temperature REAL, humidity REAL, "
                                 "pressure REAL NOT NULL, status TEXT NOT NULL, battery INTEGER, "
                                 "firmware TEXT NOT NULL, note TEXT)"));
    const QStringList sites{QStringLiteral("Oslo"), QStringLiteral("Lyon"), QStringLiteral("Porto"),
                            QStringLiteral("Graz")};
    const QStringList statuses{QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok"),
                               QStringLiteral("warn"), QStringLiteral("fail")};
    const QStringList words{QStringLiteral("door"), QStringLiteral("open"),
                            QStringLiteral("fan"),  QStringLiteral("noise"),
                            QStringLiteral("dust"), QStringLiteral("checked")};
    QRandomGenerator random(42);
    Transaction transaction(db);
    RowInserter inserter(db, *SchemaReader::read(db, QStringLiteral("readings")),
                         SchemaReader::read(db, QStringLiteral("readings"))->columnNames());
    for (int i = 0; i < 10000; ++i) {
        const double gauss =
            (random.generateDouble() + random.generateDouble() + random.generateDouble() - 1.5) * 2;
        inserter.insert(
            {QStringLiteral("S-%1").arg(random.bounded(1000, 9999)), sites[i % 4],
             QDateTime::fromSecsSinceEpoch(1700000000 + i * 3600 + random.bounded(600), Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             i % 20 == 0 ? QVariant() : QVariant(std::round((15 + gauss * 6) * 10) / 10),
             std::round(random.generateDouble() * 600 + 200) / 10,
             std::round((1013 + gauss * 8) * 100) / 100, statuses[random.bounded(5)],
             i % 7 == 0 ? QVariant() : QVariant(qint64(random.bounded(5, 101))),
             QStringLiteral("v%1.%2").arg(1 + i % 3).arg(random.bounded(10)),
             i % 3 ? QVariant()
                   : QVariant(words[random.bounded(6)] + u' ' + words[random.bounded(6)])});
    }
    transaction.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rows = args.value(1, QStringLiteral("1000000")).toInt();
    const QString dir = args.value(2, QStringLiteral("/tmp"));
    const QString seed = dir + QStringLiteral("/rowforge-bench-offline-seed.sqlite");
    const QString work = dir + QStringLiteral("/rowforge-bench-offline.sqlite");
    QTextStream out(stdout);

    QFile::remove(seed);
    {
        DatabaseConnection connection(seed, DatabaseConnection::Mode::CreateIfMissing);
        DemoSeeder::seed(connection.database());
        seedReadings(connection.database());
        // One file, no WAL beside it, so that a copy is the whole database.
        SqlExec::exec(connection.database(), QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    for (const QString &table : {QStringLiteral("readings"), QStringLiteral("customers")}) {
        QList<double> seconds, generateOnly;
        for (int run = 0; run < 3; ++run) {
            QFile::remove(work);
            QFile::remove(work + QStringLiteral("-wal"));
            QFile::copy(seed, work);
            DatabaseConnection connection(work);
            QSqlDatabase &db = connection.database();
            GenerationOptions options;
            options.rows = rows;
            options.seed = 1 + run;
            options.llm.provider = LlmSettings::Provider::Offline;
            LlmClient unused(options.llm);
            QElapsedTimer timer;
            timer.start();
            const GenerationResult result = GenerationPipeline::run(db, table, options, unused);
            seconds << timer.nsecsElapsed() / 1e9;
            if (run == 0)
                out << table << ": " << result.summary()
                    << "\n  fidelity: " << result.fidelity.summary() << "\n";

            // The engine alone, without SQLite: what the insert costs is the rest.
            const TableInfo info = *SchemaReader::read(db, table);
            QRandomGenerator random(7);
            const CompiledRecipe compiled =
                RecipeCompiler::compile(RecipeLearner::learn(db, info, random), info,
                                        [](const ForeignKey &, const QStringList &, bool) {
                                            return std::make_shared<ParentKeys>();
                                        });
            std::vector<GeneratedValue> row(compiled.columns.size());
            timer.restart();
            for (int i = 0; i < rows; ++i)
                compiled.generate(row, random);
            generateOnly << timer.nsecsElapsed() / 1e9;
        }
        out << "  " << rows << " rows into " << table << " (median of 3): " << median(seconds)
            << " s; generating alone " << median(generateOnly) << " s" << Qt::endl;
    }
    // Learning a 100,000-row table (issue #11's goal: under 2 s): readings grown to 100,000.
    {
        QFile::remove(work);
        QFile::copy(seed, work);
        DatabaseConnection connection(work);
        QSqlDatabase &db = connection.database();
        GenerationOptions options;
        options.rows = 90000;
        options.llm.provider = LlmSettings::Provider::Offline;
        LlmClient unused(options.llm);
        GenerationPipeline::run(db, QStringLiteral("readings"), options, unused);
        const TableInfo info = *SchemaReader::read(db, QStringLiteral("readings"));
        QList<double> seconds;
        for (int run = 0; run < 3; ++run) {
            QRandomGenerator random(run);
            QElapsedTimer timer;
            timer.start();
            RecipeLearner::learn(db, info, random);
            seconds << timer.nsecsElapsed() / 1e9;
        }
        out << "  learning the 100,000-row readings table (median of 3): " << median(seconds)
            << " s" << Qt::endl;
    }
    QFile::remove(work);
    QFile::remove(seed);
    return 0;
}
