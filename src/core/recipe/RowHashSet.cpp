#include "RowHashSet.h"

#include "db/SqlIdentifier.h"
#include "db/SqliteHandle.h"
#include "util/RowforgeError.h"

#include <QHashFunctions>
#include <algorithm>
#include <cmath>
#include <sqlite3.h>

namespace {
constexpr quint64 NullHash = 0x6a09e667f3bcc908ULL;
constexpr quint64 BlobSeed = 0xbb67ae8584caa73bULL;

quint64 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}
} // namespace

quint64 RowHashSet::hashInteger(qint64 value)
{
    return mix(quint64(value) ^ 0x3c6ef372fe94f82bULL);
}

quint64 RowHashSet::hashReal(double value)
{
    // 5 and 5.0 are the same value to SQLite's comparison.
    if (value == std::floor(value) && std::fabs(value) < 9.0e18)
        return hashInteger(qint64(value));
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return mix(bits ^ 0xa54ff53a5f1d36f1ULL);
}

quint64 RowHashSet::hashBytes(const char *data, qsizetype size, bool blob)
{
    return mix(quint64(qHashBits(data, size_t(size), blob ? size_t(BlobSeed) : 0)));
}

quint64 RowHashSet::combine(quint64 hash, quint64 value)
{
    return mix(hash * 0x9e3779b97f4a7c15ULL + value);
}

quint64 RowHashSet::hashValue(const GeneratedValue &value)
{
    switch (value.type) {
    case GeneratedValue::Integer:
        return hashInteger(value.integer);
    case GeneratedValue::Real:
        return hashReal(value.real);
    case GeneratedValue::Text:
    case GeneratedValue::Blob:
        return hashBytes(value.bytes.constData(), value.bytes.size(),
                         value.type == GeneratedValue::Blob);
    case GeneratedValue::Null:
        break;
    }
    return NullHash;
}

quint64 RowHashSet::hashRow(const std::vector<GeneratedValue> &row)
{
    quint64 hash = 0;
    for (const GeneratedValue &value : row)
        hash = combine(hash, hashValue(value));
    return hash;
}

quint64 RowHashSet::hashSingle(const GeneratedValue &value)
{
    return combine(0, hashValue(value));
}

quint64 RowHashSet::hashCurrentRow(sqlite3_stmt *statement, int count)
{
    quint64 hash = 0;
    for (int c = 0; c < count; ++c) {
        switch (sqlite3_column_type(statement, c)) {
        case SQLITE_NULL:
            hash = combine(hash, NullHash);
            break;
        case SQLITE_INTEGER:
            hash = combine(hash, hashInteger(sqlite3_column_int64(statement, c)));
            break;
        case SQLITE_FLOAT:
            hash = combine(hash, hashReal(sqlite3_column_double(statement, c)));
            break;
        case SQLITE_BLOB: {
            const char *data = static_cast<const char *>(sqlite3_column_blob(statement, c));
            hash = combine(hash, hashBytes(data, sqlite3_column_bytes(statement, c), true));
            break;
        }
        default: {
            const char *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, c));
            hash = combine(hash, hashBytes(text, sqlite3_column_bytes(statement, c), false));
        }
        }
    }
    return hash;
}

void RowHashSet::loadExisting(QSqlDatabase &db, const TableInfo &table, const QStringList &columns)
{
    sqlite3 *handle = SqliteHandle::of(db);
    sqlite3_stmt *statement = SqliteHandle::prepareSelectAll(handle, table.name, columns);
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW)
        m_fingerprints.insert(hashCurrentRow(statement, int(columns.size())));
    sqlite3_finalize(statement);
    if (status != SQLITE_DONE)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
}

quint64 RowHashSet::hashStoredRow(QSqlDatabase &db, const TableInfo &table,
                                  const QStringList &columns, qint64 rowid)
{
    sqlite3 *handle = SqliteHandle::of(db);
    const QByteArray sql =
        QStringLiteral("SELECT %1 FROM %2 WHERE rowid = ?")
            .arg(SqlIdentifier::quoteList(columns), SqlIdentifier::quote(table.name))
            .toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(handle)));
    sqlite3_bind_int64(statement, 1, rowid);
    const int status = sqlite3_step(statement);
    const quint64 hash = status == SQLITE_ROW ? hashCurrentRow(statement, int(columns.size())) : 0;
    sqlite3_finalize(statement);
    if (status != SQLITE_ROW)
        throw RowforgeError(QStringLiteral("row %1 of \"%2\" cannot be read back: %3")
                                .arg(rowid)
                                .arg(table.name, QString::fromUtf8(sqlite3_errmsg(handle))));
    return hash;
}

bool RowHashSet::contains(quint64 hash) const
{
    return m_fingerprints.contains(hash);
}

bool RowHashSet::insert(quint64 hash)
{
    return m_fingerprints.insert(hash);
}
