#include "ShopTable.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <cmath>

QStringList ShopTable::schema()
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

void ShopTable::seed(TempDatabase &temp, int rows)
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
