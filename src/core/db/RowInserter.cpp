#include "RowInserter.h"

#include "SqlIdentifier.h"
#include "SqliteHandle.h"
#include "util/RowforgeError.h"

#include <sqlite3.h>

RowInserter::RowInserter(QSqlDatabase &db, const TableInfo &table, const QStringList &columns)
    : m_tableName(table.name), m_columns(columns)
{
    if (table.kind != TableInfo::Table)
        throw RowforgeError(
            QStringLiteral("\"%1\" is a view; rows can only be added to tables").arg(table.name));
    if (columns.isEmpty())
        throw RowforgeError(QStringLiteral("No columns given for \"%1\"").arg(table.name));
    for (const QString &name : columns) {
        if (!table.column(name))
            throw RowforgeError(
                QStringLiteral("Table \"%1\" has no column \"%2\"").arg(table.name, name));
    }
    m_handle = SqliteHandle::of(db);

    QStringList placeholders;
    for (int i = 0; i < columns.size(); ++i)
        placeholders << QStringLiteral("?");
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(SqlIdentifier::quote(table.name),
                                    SqlIdentifier::quoteList(columns), placeholders.join(u','))
                               .toUtf8();
    if (sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &m_statement, nullptr) !=
        SQLITE_OK)
        fail();
    m_textBuffers.resize(size_t(columns.size()));
}

RowInserter::~RowInserter()
{
    sqlite3_finalize(m_statement);
}

void RowInserter::fail() const
{
    throw RowforgeError(QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

void RowInserter::bindNull(int column)
{
    sqlite3_bind_null(m_statement, column + 1);
}

void RowInserter::bindInteger(int column, qint64 value)
{
    sqlite3_bind_int64(m_statement, column + 1, value);
}

void RowInserter::bindReal(int column, double value)
{
    sqlite3_bind_double(m_statement, column + 1, value);
}

void RowInserter::bindText(int column, QStringView text)
{
    QByteArray &buffer = m_textBuffers[size_t(column)];
    buffer.resize(m_encoder.requiredSpace(text.size()));
    char *end = m_encoder.appendToBuffer(buffer.data(), text);
    sqlite3_bind_text64(m_statement, column + 1, buffer.constData(),
                        sqlite3_uint64(end - buffer.constData()), SQLITE_STATIC, SQLITE_UTF8);
}

void RowInserter::bindUtf8(int column, const char *text, qsizetype length)
{
    sqlite3_bind_text64(m_statement, column + 1, length > 0 ? text : "", sqlite3_uint64(length),
                        SQLITE_STATIC, SQLITE_UTF8);
}

void RowInserter::bindBlob(int column, const QByteArray &bytes)
{
    sqlite3_bind_blob64(m_statement, column + 1, bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_STATIC);
}

void RowInserter::bindVariant(int column, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(column);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
        bindInteger(column, value.toLongLong());
        break;
    case QMetaType::ULongLong: {
        const qulonglong unsignedValue = value.toULongLong();
        if (unsignedValue > qulonglong(std::numeric_limits<qint64>::max()))
            bindReal(column, double(unsignedValue));
        else
            bindInteger(column, qint64(unsignedValue));
        break;
    }
    case QMetaType::Double:
    case QMetaType::Float:
        bindReal(column, value.toDouble());
        break;
    case QMetaType::QByteArray:
        bindBlob(column, *static_cast<const QByteArray *>(value.constData()));
        break;
    case QMetaType::QString:
        bindText(column, *static_cast<const QString *>(value.constData()));
        break;
    default:
        bindText(column, value.toString());
    }
}

qint64 RowInserter::insertBound()
{
    const int status = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (status != SQLITE_DONE)
        fail();
    ++m_inserted;
    return sqlite3_last_insert_rowid(m_handle);
}

bool RowInserter::tryInsertBound(QString *constraintError, qint64 *rowid)
{
    const int status = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if ((status & 0xff) == SQLITE_CONSTRAINT) { // extended result codes too
        *constraintError = QString::fromUtf8(sqlite3_errmsg(m_handle));
        return false;
    }
    if (status != SQLITE_DONE)
        fail();
    ++m_inserted;
    if (rowid)
        *rowid = sqlite3_last_insert_rowid(m_handle);
    return true;
}

qint64 RowInserter::insert(const QVariantList &values)
{
    if (values.size() != m_columns.size())
        throw RowforgeError(QStringLiteral("Expected %1 values for \"%2\", got %3")
                                .arg(m_columns.size())
                                .arg(m_tableName)
                                .arg(values.size()));
    for (int i = 0; i < values.size(); ++i)
        bindVariant(i, values.at(i));
    return insertBound();
}
