// Sorting and filtering a 1,000,000-row table in the data view (issue #14's goal: the first
// page in under 100 ms for an indexed column), and a 1,000,000-row result in the Query tab:
// the run (its first page, and the count of all its rows) and a page fetched at its end. Each
// figure is the time from the click (the model's new query) to the first page shown, through the
// real model, on Qt's offscreen platform, median of 7; the anchor is the same for opening the table
// unsorted, in the same run. Run by hand (not part of CTest):
//   QT_QPA_PLATFORM=offscreen build/tests/bench_grid_sort [ROWS=1000000] [DB=/tmp/…]
#include "QueryPanel.h"
#include "TableDataModel.h"
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "query/QueryRunner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Milliseconds from `start` (which sets the table or the query) to page 0 shown.
double firstPage(TableDataModel &model, const std::function<void()> &start)
{
    QElapsedTimer timer;
    timer.start();
    start();
    while (!model.isPageLoaded(0) || model.rowCount() == 0) {
        if (model.rowCount() > 0)
            model.data(model.index(0, 0)); // what the view does when rows appear
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (timer.elapsed() > 60000)
            return -1;
    }
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args.at(1).toLongLong() : 1000000;
    const QString path =
        args.size() > 2 ? args.at(2) : QStringLiteral("/tmp/rowforge-bench-grid.sqlite");
    QTextStream out(stdout);
    {
        DatabaseConnection setup(path, DatabaseConnection::Mode::CreateIfMissing);
        const bool ready =
            SchemaReader::read(setup.database(), QStringLiteral("trips")) &&
            SqlExec::scalar(setup.database(), QStringLiteral("SELECT max(rowid) FROM trips"))
                    .toLongLong() == rows;
        if (!ready) {
            out << "creating " << rows << " rows in " << path << " ..." << Qt::endl;
            SqlExec::exec(setup.database(), QStringLiteral("DROP TABLE IF EXISTS trips"));
            SqlExec::exec(setup.database(),
                          QStringLiteral("CREATE TABLE trips (id INTEGER PRIMARY KEY, vendor TEXT, "
                                         "pickup TEXT, distance REAL, fare REAL, passengers "
                                         "INTEGER, note TEXT)"));
            SqlExec::exec(
                setup.database(),
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < ?) INSERT INTO trips SELECT i, 'vendor ' || (i % 7), "
                               "datetime(1700000000 + i * 13, 'unixepoch'), (i * 7919 % 500) / "
                               "10.0, (i * 104729 % 9000) / 100.0, 1 + i % 4, CASE WHEN i % 5 = "
                               "0 THEN NULL ELSE 'note for trip ' || i END FROM n"),
                {rows});
            SqlExec::exec(setup.database(),
                          QStringLiteral("CREATE INDEX trips_fare ON trips (fare)"));
        }
    }
    DatabaseConnection connection(path);
    const TableInfo table = SchemaReader::require(connection.database(), QStringLiteral("trips"));
    const int fare = int(table.columnNames().indexOf(QStringLiteral("fare")));
    const int distance = int(table.columnNames().indexOf(QStringLiteral("distance")));
    const int note = int(table.columnNames().indexOf(QStringLiteral("note")));

    TableDataModel model;
    struct Case
    {
        QString name;
        TablePager::Query query;
    };
    auto query = [](int sort, bool descending, QHash<int, QString> filters) {
        TablePager::Query q;
        q.sortColumn = sort;
        q.descending = descending;
        q.filters = std::move(filters);
        return q;
    };
    const QList<Case> cases{
        {QStringLiteral("opened unsorted (anchor)"), {}},
        {QStringLiteral("sorted by fare (indexed), ascending"), query(fare, false, {})},
        {QStringLiteral("sorted by fare (indexed), descending"), query(fare, true, {})},
        {QStringLiteral("fare > 45 (indexed), sorted by fare"),
         query(fare, false, {{fare, QStringLiteral("> 45")}})},
        {QStringLiteral("note contains 'trip 77' (no index)"),
         query(-1, false, {{note, QStringLiteral("trip 77")}})},
        {QStringLiteral("sorted by distance (no index: SQLite sorts first)"),
         query(distance, false, {})},
    };
    out << rows << " rows; first page shown after (median of 7):" << Qt::endl;
    double anchor = 0;
    for (const Case &c : cases) {
        QList<double> times;
        for (int run = 0; run < 7; ++run) {
            model.setTable(path, table); // unsorted first, as the table is shown
            if (c.query.isPlain())
                times << firstPage(model, [&] { model.setTable(path, table); });
            else
                times << firstPage(model, [&] { model.setQuery(c.query); });
            model.clear();
        }
        const double ms = median(times);
        if (c.query.isPlain())
            anchor = ms;
        out << "  " << c.name << ": " << QString::number(ms, 'f', 1) << " ms ("
            << QString::number(ms / anchor, 'f', 1) << "x the anchor)" << Qt::endl;
    }

    // The Query tab's worker side: what the grid waits for before it shows rows.
    const QString everything = QStringLiteral("SELECT * FROM trips");
    auto timed = [](const std::function<void()> &work) {
        QList<double> times;
        for (int run = 0; run < 7; ++run) {
            QElapsedTimer timer;
            timer.start();
            work();
            times << timer.nsecsElapsed() / 1e6;
        }
        return median(times);
    };
    const double run = timed([&] {
        QueryRunner::collect(connection.database(), everything, false, QueryPanel::PageRows);
    });
    const double lastPage = timed([&] {
        QueryRunner::page(connection.database(), everything, rows - QueryPanel::PageRows,
                          QueryPanel::PageRows);
    });
    out << "Query tab, " << everything << " (median of 7):" << Qt::endl;
    out << "  run: first " << QueryPanel::PageRows
        << " rows and the count of all: " << QString::number(run, 'f', 1) << " ms ("
        << QString::number(run / anchor, 'f', 1) << "x the anchor)" << Qt::endl;
    out << "  the last page, fetched when scrolled there: " << QString::number(lastPage, 'f', 1)
        << " ms (" << QString::number(lastPage / anchor, 'f', 1) << "x the anchor)" << Qt::endl;
    return 0;
}
