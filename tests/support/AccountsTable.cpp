#include "AccountsTable.h"

#include <QDate>
#include <QRandomGenerator>
#include <QSqlQuery>

const char *const AccountsTable::Schema =
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, plan TEXT NOT NULL, spend REAL NOT NULL, "
    "status TEXT NOT NULL, shipped TEXT, low REAL, high REAL, city TEXT NOT NULL, country TEXT "
    "NOT NULL, phone TEXT, qty INTEGER, price REAL, total REAL, month TEXT)";

const QStringList &AccountsTable::columns()
{
    static const QStringList names{
        QStringLiteral("plan"),    QStringLiteral("spend"),   QStringLiteral("status"),
        QStringLiteral("shipped"), QStringLiteral("low"),     QStringLiteral("high"),
        QStringLiteral("city"),    QStringLiteral("country"), QStringLiteral("phone"),
        QStringLiteral("qty"),     QStringLiteral("price"),   QStringLiteral("total"),
        QStringLiteral("month")};
    return names;
}

void AccountsTable::seed(TempDatabase &temp, int rows, quint32 seed)
{
    QRandomGenerator random(seed);
    const QStringList plans{QStringLiteral("free"), QStringLiteral("basic"), QStringLiteral("pro")};
    const QStringList statuses{QStringLiteral("pending"), QStringLiteral("shipped"),
                               QStringLiteral("delivered"), QStringLiteral("cancelled")};
    const QList<QStringList> places{
        {QStringLiteral("Madrid"), QStringLiteral("Spain"), QStringLiteral("+34 91")},
        {QStringLiteral("Lyon"), QStringLiteral("France"), QStringLiteral("+33 4")},
        {QStringLiteral("Paris"), QStringLiteral("France"), QStringLiteral("+33 1")},
        {QStringLiteral("Tokyo"), QStringLiteral("Japan"), QStringLiteral("+81 3")}};
    temp.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < rows; ++i) {
        const QString plan = plans[int(random.bounded(3))];
        const double spend = plan == QLatin1String("free")    ? 0
                             : plan == QLatin1String("basic") ? 10 + random.bounded(10)
                                                              : 300 + random.bounded(500);
        const QString status = statuses[int(random.bounded(4))];
        const bool ships =
            status == QLatin1String("shipped") || status == QLatin1String("delivered");
        const double low = random.bounded(100.0);
        const QStringList &place = places[int(random.bounded(4))];
        const int qty = 1 + int(random.bounded(5));
        const double price = double(100 + random.bounded(900)) / 100;
        const QDate month = QDate(2020, 1, 1).addMonths(int(random.bounded(48)));
        temp.exec(QStringLiteral("INSERT INTO accounts (plan, spend, status, shipped, low, high, "
                                 "city, country, phone, qty, price, total, month) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, round(? * ?, 2), ?)"),
                  {plan, spend, status,
                   ships ? QVariant(QDate(2024, 1, 1).addDays(i % 300).toString(Qt::ISODate))
                         : QVariant(),
                   low, low + random.bounded(50.0), place[0], place[1],
                   QStringLiteral("%1 %2 %3")
                       .arg(place[2])
                       .arg(100 + random.bounded(900))
                       .arg(1000 + random.bounded(9000)),
                   qty, price, qty, price, month.toString(Qt::ISODate)});
    }
    temp.exec(QStringLiteral("COMMIT"));
}

QList<QVariantList> AccountsTable::rows(TempDatabase &temp, const QStringList &columns,
                                        const QString &where, const QString &table)
{
    QSqlQuery query(temp.db());
    QStringList quoted;
    for (const QString &column : columns)
        quoted << u'"' + column + u'"';
    query.exec(QStringLiteral("SELECT %1 FROM \"%2\" WHERE %3 ORDER BY rowid")
                   .arg(quoted.join(u','), table, where));
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < columns.size(); ++c)
            row << query.value(c);
        rows << row;
    }
    return rows;
}
