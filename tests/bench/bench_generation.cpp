// The generation pipeline's own time (sample, profile, prompt, parse, validate, insert) for
// 10 rows on a 1,000,000-row table, with the mock LLM answering at once; and sampling 10 rows
// of a 10,000,000-row table. Run by hand (not part of CTest):
//   build/tests/bench_generation [DB=/tmp/rowforge-bench-gen.sqlite]
//   [BIG=/tmp/rowforge-bench-paging.sqlite]
// BIG is made by bench_table_paging; sampling is skipped when it does not exist.
#include "MockLlmServer.h"
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "generate/GenerationPipeline.h"
#include "llm/LlmClient.h"
#include "profile/RowSampler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <algorithm>

namespace {
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path = args.value(1, QStringLiteral("/tmp/rowforge-bench-gen.sqlite"));
    const QString big = args.value(2, QStringLiteral("/tmp/rowforge-bench-paging.sqlite"));
    QTextStream out(stdout);

    DatabaseConnection connection(path, DatabaseConnection::Mode::CreateIfMissing);
    QSqlDatabase &db = connection.database();
    if (!SchemaReader::read(db, QStringLiteral("customers"))) {
        out << "creating 1,000,000 customers in " << path << " ..." << Qt::endl;
        SqlExec::exec(
            db,
            QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT "
                           "NULL, email TEXT NOT NULL UNIQUE, city TEXT, country TEXT, "
                           "signup TEXT, plan TEXT CHECK (plan IN ('free','pro')), spend REAL)"));
        SqlExec::exec(db,
                      QStringLiteral(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                          "WHERE i < 1000000) INSERT INTO customers SELECT i, 'name ' || i, "
                          "'user' || i || '@example.com', 'city ' || (i % 90), 'country ' || "
                          "(i % 12), date('2020-01-01', '+' || (i % 1500) || ' days'), "
                          "CASE i % 3 WHEN 0 THEN 'pro' ELSE 'free' END, (i % 5000) / 7.0 FROM n"));
    }
    MockLlmServer server;
    GenerationOptions options;
    options.rows = 10;
    options.llm.provider = LlmSettings::Provider::OpenAI;
    options.llm.model = QStringLiteral("bench");
    options.llm.baseUrl = server.baseUrl();
    options.llm.apiKey = QStringLiteral("bench");
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch();
    QList<double> pipeline, network;
    for (int run = 0; run < 7; ++run) {
        QJsonArray rows;
        for (int i = 0; i < 10; ++i)
            rows << QJsonObject{
                {QStringLiteral("name"), QStringLiteral("Bench %1").arg(i)},
                {QStringLiteral("email"),
                 QStringLiteral("b%1.%2.%3@example.com").arg(stamp).arg(run).arg(i)},
                {QStringLiteral("city"), QStringLiteral("city 1")},
                {QStringLiteral("country"), QStringLiteral("country 1")},
                {QStringLiteral("signup"), QStringLiteral("2024-01-01")},
                {QStringLiteral("plan"), QStringLiteral("pro")},
                {QStringLiteral("spend"), 12.5}};
        server.enqueue(MockLlmServer::openAiRows(rows));
        LlmClient client(options.llm);
        QElapsedTimer timer;
        timer.start();
        const GenerationResult result =
            GenerationPipeline::run(db, QStringLiteral("customers"), options, client);
        pipeline << timer.nsecsElapsed() / 1e6;
        if (result.inserted != 10) {
            out << "unexpected: inserted " << result.inserted << Qt::endl;
            return 1;
        }
    }
    // The same request to the mock alone: the part of the time that is loopback HTTP.
    for (int run = 0; run < 7; ++run) {
        server.enqueue(MockLlmServer::openAiRows({}));
        LlmClient client(options.llm);
        QElapsedTimer timer;
        timer.start();
        LlmRequest request;
        request.system = QStringLiteral("s");
        request.user = QStringLiteral("u");
        // A schema strict structured outputs accept (the mock checks, as the service does).
        request.rowSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                        {QStringLiteral("properties"), QJsonObject{}},
                                        {QStringLiteral("required"), QJsonArray{}},
                                        {QStringLiteral("additionalProperties"), false}};
        client.complete(request);
        network << timer.nsecsElapsed() / 1e6;
    }
    out << "pipeline, 10 rows on 1,000,000 rows (median of 7): " << median(pipeline) << " ms\n"
        << "  of which the loopback HTTP round trip:           " << median(network) << " ms\n";

    if (QFile::exists(big)) {
        DatabaseConnection bigConnection(big);
        const TableInfo trips =
            SchemaReader::require(bigConnection.database(), QStringLiteral("trips"));
        QRandomGenerator random(1);
        QList<double> sampling;
        for (int run = 0; run < 21; ++run) {
            QElapsedTimer timer;
            timer.start();
            RowSampler::sample(bigConnection.database(), trips, 10, random);
            sampling << timer.nsecsElapsed() / 1e6;
        }
        out << "sampling 10 rows of "
            << SqlExec::scalar(bigConnection.database(),
                               QStringLiteral("SELECT max(rowid) FROM trips"))
                   .toLongLong()
            << " rows (median of 21): " << median(sampling) << " ms\n";
    }
    return 0;
}
