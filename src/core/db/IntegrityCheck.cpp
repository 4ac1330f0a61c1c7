#include "IntegrityCheck.h"

#include "DatabaseDamaged.h"
#include "SchemaReader.h"
#include "SqlIdentifier.h"
#include "SqliteHandle.h"

#include <QElapsedTimer>
#include <sqlite3.h>

namespace {
int stopAfterTheLimit(void *context)
{
    const auto *limit = static_cast<std::pair<QElapsedTimer, int> *>(context);
    return limit->first.elapsed() > limit->second ? 1 : 0;
}
} // namespace

void IntegrityCheck::requireIntact(QSqlDatabase &db, const QString &table, int limitMs)
{
    if (!table.isEmpty()) {
        if (const std::optional<TableInfo> info = SchemaReader::read(db, table)) {
            requireIntact(db, *info, limitMs);
            return;
        }
    }
    quickCheck(db, QString(), limitMs);
}

void IntegrityCheck::requireIntact(QSqlDatabase &db, const TableInfo &table, int limitMs)
{
    probeLastRow(db, table);
    if (limitMs > 0)
        quickCheck(db, table.name, limitMs);
}

void IntegrityCheck::probeLastRow(QSqlDatabase &db, const TableInfo &table)
{
    // The last row by the table's own order: the root-to-last-leaf path an append writes.
    const QStringList order = table.keysetColumns();
    if (order.isEmpty())
        return;
    QStringList descending;
    for (const QString &column : order)
        descending << SqlIdentifier::quote(column) + QStringLiteral(" DESC");
    const QByteArray probe =
        QStringLiteral("SELECT 1 FROM %1 ORDER BY %2 LIMIT 1")
            .arg(SqlIdentifier::quote(table.name), descending.join(QStringLiteral(", ")))
            .toUtf8();
    sqlite3 *handle = SqliteHandle::of(db);
    sqlite3_stmt *statement = nullptr;
    int status =
        sqlite3_prepare_v2(handle, probe.constData(), int(probe.size()), &statement, nullptr);
    if (status == SQLITE_OK)
        status = sqlite3_step(statement);
    const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    const int code = sqlite3_errcode(handle);
    sqlite3_finalize(statement);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        throw DatabaseDamaged(message);
}

void IntegrityCheck::quickCheck(QSqlDatabase &db, const QString &table, int limitMs)
{
    sqlite3 *handle = SqliteHandle::of(db);
    const QByteArray sql =
        QStringLiteral("PRAGMA quick_check(%1)")
            .arg(SqlIdentifier::quote(table.isEmpty() ? QStringLiteral("sqlite_schema") : table))
            .toUtf8();
    std::pair<QElapsedTimer, int> limit;
    limit.first.start();
    limit.second = limitMs;
    sqlite3_progress_handler(handle, 1000, &stopAfterTheLimit, &limit);
    sqlite3_stmt *statement = nullptr;
    int status = sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr);
    QString finding;
    if (status == SQLITE_OK) {
        while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
            const QString line = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
            if (line != QLatin1String("ok") && finding.isEmpty())
                finding = line;
        }
    }
    const int code = sqlite3_errcode(handle);
    const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    sqlite3_progress_handler(handle, 0, nullptr, nullptr);
    if (!finding.isEmpty())
        throw DatabaseDamaged(QStringLiteral("quick_check: %1").arg(finding.simplified()));
    // Reading the pages may itself fail on damage; running out of time is not a finding.
    if (status != SQLITE_DONE && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB))
        throw DatabaseDamaged(message);
}
