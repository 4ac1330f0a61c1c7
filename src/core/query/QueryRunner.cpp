#include "QueryRunner.h"

#include "QueryRefused.h"

#include "db/SqlExec.h"
#include "db/SqliteHandle.h"
#include "db/Transaction.h"
#include "export/StatementWriter.h"
#include "util/RowforgeError.h"

#include <QScopeGuard>
#include <memory>
#include <sqlite3.h>
#include <vector>

namespace {

struct Finalize
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

// SQLite's message, with the line and column of the offending token when it names one.
QString errorAt(sqlite3 *handle, const QByteArray &sql)
{
    QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    const int offset = sqlite3_error_offset(handle);
    if (offset >= 0 && offset <= sql.size()) {
        const QByteArray before = sql.left(offset);
        const int line = int(before.count('\n')) + 1;
        const int column =
            int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        message += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
    }
    return message;
}

// The start of a statement, to name it in a message.
QString firstWords(sqlite3_stmt *statement)
{
    QString text = QString::fromUtf8(sqlite3_sql(statement)).simplified();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

// Prepares the statement at `*tail` and moves `*tail` past it; null at the end of the text.
Statement prepareNext(sqlite3 *handle, const QByteArray &sql, const char **tail)
{
    const char *end = sql.constData() + sql.size();
    while (*tail < end) {
        sqlite3_stmt *raw = nullptr;
        const char *next = nullptr;
        if (sqlite3_prepare_v2(handle, *tail, int(end - *tail), &raw, &next) != SQLITE_OK)
            throw RowforgeError(errorAt(handle, sql));
        *tail = next;
        if (raw) // null for whitespace or a comment alone
            return Statement(raw);
    }
    return {};
}

// Read-only queries may not ATTACH: attaching a file that does not exist creates it.
int denyAttach(void *, int action, const char *, const char *, const char *, const char *)
{
    return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

// Every statement of `sql`, prepared; throws QueryRefused for one that would write.
std::vector<Statement> prepareReadOnly(sqlite3 *handle, const QByteArray &sql)
{
    std::vector<Statement> statements;
    const char *tail = sql.constData();
    sqlite3_set_authorizer(handle, denyAttach, nullptr);
    const auto allowAttach =
        qScopeGuard([handle] { sqlite3_set_authorizer(handle, nullptr, nullptr); });
    for (;;) {
        Statement next;
        try {
            next = prepareNext(handle, sql, &tail);
        } catch (const RowforgeError &) {
            if (sqlite3_errcode(handle) == SQLITE_AUTH)
                throw QueryRefused(QStringLiteral("Refused ATTACH and DETACH: this query is "
                                                  "read-only, and attaching a file that does not "
                                                  "exist creates it."));
            throw;
        }
        if (!next)
            return statements;
        if (!sqlite3_stmt_readonly(next.get()))
            throw QueryRefused(QStringLiteral("Refused \"%1\": it would change the database, "
                                              "and this query is read-only.")
                                   .arg(firstWords(next.get())));
        statements.push_back(std::move(next));
    }
}

// Runs every statement of `sql` (read-only unless `allowWrites`, then in one transaction),
// counting into `result`; `onColumns` is called for each statement that returns columns and
// steps it to its end.
template <typename OnColumns>
void execute(QSqlDatabase &db, const QString &sql, bool allowWrites, QueryRunner::Result &result,
             OnColumns onColumns)
{
    sqlite3 *handle = SqliteHandle::of(db);
    const QByteArray text = sql.toUtf8();
    auto runOne = [&](sqlite3_stmt *statement) {
        ++result.statements;
        // Rows that INSERT, UPDATE and DELETE changed (a CREATE TABLE after a DELETE would
        // count the DELETE's rows again by sqlite3_changes()).
        const qint64 changedBefore = sqlite3_total_changes64(handle);
        if (sqlite3_column_count(statement) == 0) {
            const int status = sqlite3_step(statement);
            if (status != SQLITE_DONE && status != SQLITE_ROW)
                throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
        } else {
            ++result.resultSets;
            onColumns(handle, statement);
        }
        result.rowsChanged += sqlite3_total_changes64(handle) - changedBefore;
    };
    if (!allowWrites) {
        // Every statement is checked before the first runs: a refused one leaves no half-run
        // script behind.
        const std::vector<Statement> statements = prepareReadOnly(handle, text);
        SqlExec::exec(db, QStringLiteral("PRAGMA query_only = 1"));
        const auto restore =
            qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("PRAGMA query_only = 0")); });
        for (const Statement &statement : statements)
            runOne(statement.get());
        return;
    }
    Transaction transaction(db, QStringLiteral("a query"));
    const char *tail = text.constData();
    // One at a time: a statement may use a table an earlier one made.
    for (Statement next; (next = prepareNext(handle, text, &tail));)
        runOne(next.get());
    transaction.commit();
}

QStringList headerOf(sqlite3_stmt *statement)
{
    QStringList header;
    for (int i = 0; i < sqlite3_column_count(statement); ++i)
        header << QString::fromUtf8(sqlite3_column_name(statement, i));
    return header;
}

} // namespace

int QueryRunner::checkReadOnly(QSqlDatabase &db, const QString &sql)
{
    return int(prepareReadOnly(SqliteHandle::of(db), sql.toUtf8()).size());
}

QueryRunner::Result QueryRunner::run(QSqlDatabase &db, const QString &sql, bool allowWrites,
                                     QIODevice &device, const QString &where, const Output &output)
{
    Result result;
    execute(db, sql, allowWrites, result, [&](sqlite3 *handle, sqlite3_stmt *statement) {
        const QStringList header = headerOf(statement);
        result.rows +=
            output.json
                ? StatementWriter::writeJson(handle, statement, header, device, where)
                : StatementWriter::write(handle, statement, header, device, where, output.csv);
    });
    StatementWriter::finish(device, where);
    return result;
}

namespace {
QVariantList readRow(sqlite3_stmt *statement, int columns)
{
    QVariantList row;
    row.reserve(columns);
    for (int i = 0; i < columns; ++i) {
        switch (sqlite3_column_type(statement, i)) {
        case SQLITE_NULL:
            row << QVariant();
            break;
        case SQLITE_INTEGER:
            row << qint64(sqlite3_column_int64(statement, i));
            break;
        case SQLITE_FLOAT:
            row << sqlite3_column_double(statement, i);
            break;
        case SQLITE_BLOB:
            row << QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, i)),
                              sqlite3_column_bytes(statement, i));
            break;
        default:
            row << QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, i)),
                sqlite3_column_bytes(statement, i));
        }
    }
    return row;
}
} // namespace

QueryRunner::Table QueryRunner::collect(QSqlDatabase &db, const QString &sql, bool allowWrites,
                                        qint64 maxRows)
{
    Table table;
    execute(db, sql, allowWrites, table.result, [&](sqlite3 *handle, sqlite3_stmt *statement) {
        // The last statement that returns rows is the one shown.
        table.header = headerOf(statement);
        table.rows.clear();
        table.truncated = false;
        table.totalRows = 0;
        const int columns = int(table.header.size());
        int status;
        while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
            if (table.rows.size() >= maxRows) {
                table.truncated = true;
                // Read-only: the rest is counted (stepping reads no values), so that the
                // grid can say how many there are and fetch them as it scrolls.
                if (allowWrites)
                    break;
                ++table.totalRows;
                continue;
            }
            table.rows << readRow(statement, columns);
            ++table.totalRows;
        }
        if (status != SQLITE_ROW && status != SQLITE_DONE)
            throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
        table.result.rows = table.rows.size();
        table.pagingSql = allowWrites ? QString() : QString::fromUtf8(sqlite3_sql(statement));
    });
    if (allowWrites)
        table.totalRows = table.rows.size();
    return table;
}

QList<QVariantList> QueryRunner::page(QSqlDatabase &db, const QString &sql, qint64 offset,
                                      qint64 count)
{
    QList<QVariantList> rows;
    Result unused;
    execute(db, sql, false, unused, [&](sqlite3 *handle, sqlite3_stmt *statement) {
        const int columns = sqlite3_column_count(statement);
        int status = SQLITE_DONE;
        qint64 skipped = 0;
        while (rows.size() < count && (status = sqlite3_step(statement)) == SQLITE_ROW) {
            if (skipped < offset)
                ++skipped;
            else
                rows << readRow(statement, columns);
        }
        if (rows.size() < count && status != SQLITE_DONE)
            throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    });
    return rows;
}
