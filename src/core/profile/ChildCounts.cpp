#include "ChildCounts.h"

#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

std::vector<int> ChildCounts::perParent(QSqlDatabase &db, const TableInfo &child,
                                        const ForeignKey &key, const TableInfo &parent,
                                        const RowidRanges &childLeftOut,
                                        const RowidRanges &parentLeftOut)
{
    QStringList childColumns, joins;
    for (int i = 0; i < key.columns.size(); ++i) {
        childColumns << SqlIdentifier::quote(key.columns[i]);
        joins << QStringLiteral("c.%1 = p.%2")
                     .arg(SqlIdentifier::quote(key.columns[i]),
                          SqlIdentifier::quote(key.parentColumns.value(i)));
    }
    QVariantList bound;
    auto leaveOut = [&bound](const TableInfo &table, const RowidRanges &ranges,
                             const QString &alias) {
        if (ranges.isEmpty() || table.rowidName().isEmpty())
            return QString();
        bound << ranges.toBindValue();
        return QStringLiteral(" WHERE ") +
               RowidRanges::outsideCondition(alias + u'.' +
                                             SqlIdentifier::quote(table.rowidName()));
    };
    const QString childWhere = leaveOut(child, childLeftOut, SqlIdentifier::quote(child.name));
    const QString parentWhere = leaveOut(parent, parentLeftOut, QStringLiteral("p"));
    QSqlQuery query = SqlExec::exec(
        db,
        QStringLiteral("SELECT coalesce(c.n, 0) FROM %1 AS p LEFT JOIN (SELECT %2, count(*) AS n "
                       "FROM %3%4 GROUP BY %2) AS c ON %5%6")
            .arg(SqlIdentifier::quote(parent.name), childColumns.join(u','),
                 SqlIdentifier::quote(child.name), childWhere, joins.join(QStringLiteral(" AND ")),
                 parentWhere),
        bound);
    std::vector<int> counts;
    while (query.next())
        counts.push_back(query.value(0).toInt());
    return counts;
}

std::vector<int> ChildCounts::draw(const std::vector<int> &real, size_t n, QRandomGenerator &random)
{
    std::vector<int> counts;
    if (real.empty()) {
        counts.assign(n, 0);
        return counts;
    }
    counts.reserve(n);
    while (counts.size() + real.size() <= n)
        counts.insert(counts.end(), real.begin(), real.end());
    // The rest: the first ones of a random permutation (partial Fisher-Yates).
    std::vector<int> pool = real;
    for (size_t i = 0; counts.size() < n; ++i) {
        std::swap(pool[i], pool[i + size_t(random.bounded(quint64(pool.size() - i)))]);
        counts.push_back(pool[i]);
    }
    for (size_t i = counts.size(); i > 1; --i)
        std::swap(counts[i - 1], counts[size_t(random.bounded(quint64(i)))]);
    return counts;
}
