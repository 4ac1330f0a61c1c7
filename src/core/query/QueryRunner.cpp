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

} // namespace

int QueryRunner::checkReadOnly(QSqlDatabase &db, const QString &sql)
{
    return int(prepareReadOnly(SqliteHandle::of(db), sql.toUtf8()).size());
}

QueryRunner::Result QueryRunner::run(QSqlDatabase &db, const QString &sql, bool allowWrites,
                                     QIODevice &device, const QString &where, const Output &output)
{
    sqlite3 *handle = SqliteHandle::of(db);
    const QByteArray text = sql.toUtf8();
    Result result;
    auto runOne = [&](sqlite3_stmt *statement) {
        ++result.statements;
        const int columns = sqlite3_column_count(statement);
        if (columns == 0) {
            const int status = sqlite3_step(statement);
            if (status != SQLITE_DONE && status != SQLITE_ROW)
                throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
            if (!sqlite3_stmt_readonly(statement))
                result.rowsChanged += sqlite3_changes64(handle);
            return;
        }
        QStringList header;
        for (int i = 0; i < columns; ++i)
            header << QString::fromUtf8(sqlite3_column_name(statement, i));
        ++result.resultSets;
        result.rows +=
            output.json
                ? StatementWriter::writeJson(handle, statement, header, device, where)
                : StatementWriter::write(handle, statement, header, device, where, output.csv);
        if (!sqlite3_stmt_readonly(statement))
            result.rowsChanged += sqlite3_changes64(handle);
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
        StatementWriter::finish(device, where);
        return result;
    }

    Transaction transaction(db, QStringLiteral("a query"));
    const char *tail = text.constData();
    // One at a time: a statement may use a table an earlier one made.
    for (Statement next; (next = prepareNext(handle, text, &tail));)
        runOne(next.get());
    StatementWriter::finish(device, where);
    transaction.commit();
    return result;
}
