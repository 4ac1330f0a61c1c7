// Measures what a user feels when opening a huge table in the data view: how soon the first
// rows are there, how long the background scan takes, and what reading a page anywhere costs.
// Run by hand (not part of CTest):
//   build/tests/bench_table_paging [ROWS=10000000] [DB=/tmp/rowforge-bench-paging.sqlite]
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/TablePager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <algorithm>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args.at(1).toLongLong() : 10000000;
    const QString path =
        args.size() > 2 ? args.at(2) : QStringLiteral("/tmp/rowforge-bench-paging.sqlite");
    QTextStream out(stdout);

    QElapsedTimer timer;
    {
        DatabaseConnection setup(path, DatabaseConnection::Mode::CreateIfMissing);
        const bool ready =
            SchemaReader::read(setup.database(), QStringLiteral("trips")) &&
            SqlExec::scalar(setup.database(), QStringLiteral("SELECT max(rowid) FROM trips"))
                    .toLongLong() == rows;
        if (!ready) {
            out << "creating " << rows << " rows in " << path << " ..." << Qt::endl;
            timer.start();
            SqlExec::exec(setup.database(), QStringLiteral("DROP TABLE IF EXISTS trips"));
            SqlExec::exec(setup.database(),
                          QStringLiteral("CREATE TABLE trips (id INTEGER PRIMARY KEY, vendor TEXT, "
                                         "pickup TEXT, distance REAL, fare REAL, passengers "
                                         "INTEGER, note TEXT, rating INTEGER)"));
            SqlExec::exec(setup.database(),
                          QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                         "FROM n WHERE i < ?) INSERT INTO trips SELECT i, "
                                         "'vendor ' || (i % 7), datetime(1700000000 + i * 13, "
                                         "'unixepoch'), (i % 500) / 10.0, (i % 9000) / 100.0, "
                                         "1 + i % 4, CASE WHEN i % 5 = 0 THEN NULL ELSE 'note "
                                         "for trip ' || i END, i % 6 FROM n"),
                          {rows});
            out << "created in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
        }
    }

    DatabaseConnection connection(path);
    QSqlDatabase &db = connection.database();
    const TableInfo table = SchemaReader::require(db, QStringLiteral("trips"));
    const TablePager pager(table, 256);

    QList<TablePager::Anchor> anchors;
    qint64 firstBatchNs = -1;
    timer.start();
    const qint64 total = pager.scan(db, [&](const QList<TablePager::Anchor> &batch, qint64) {
        if (firstBatchNs < 0)
            firstBatchNs = timer.nsecsElapsed();
        anchors << batch;
        return true;
    });
    const qint64 scanNs = timer.nsecsElapsed();

    timer.start();
    const QList<QVariantList> first = pager.readPage(db, 0, anchors.first());
    const qint64 firstPageNs = timer.nsecsElapsed();

    QList<qint64> pageNs;
    for (int i = 0; i < 200; ++i) {
        const int page = int(QRandomGenerator::global()->bounded(qint64(anchors.size())));
        timer.start();
        pager.readPage(db, page, anchors.at(page));
        pageNs << timer.nsecsElapsed();
    }
    std::sort(pageNs.begin(), pageNs.end());

    timer.start();
    SchemaReader::rowCount(db, table);
    const qint64 countNs = timer.nsecsElapsed();

    out << "rows                      " << total << "\n"
        << "first rows visible after  " << (firstBatchNs + firstPageNs) / 1e6
        << " ms (first anchors + first page)\n"
        << "full anchor scan          " << scanNs / 1e6 << " ms (background; rows grow meanwhile)\n"
        << "random page, median       " << pageNs.at(pageNs.size() / 2) / 1e6 << " ms\n"
        << "random page, p95          " << pageNs.at(pageNs.size() * 95 / 100) / 1e6 << " ms\n"
        << "count(*) for comparison   " << countNs / 1e6 << " ms\n"
        << "anchor memory (approx.)   " << anchors.size() * 64 / 1024 << " KiB\n";
    return first.size() == 256 ? 0 : 1;
}
