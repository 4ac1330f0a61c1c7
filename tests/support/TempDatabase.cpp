#include "TempDatabase.h"

#include "db/SqlExec.h"

TempDatabase::TempDatabase(const QStringList &statements, const QString &fileName)
    : m_path(m_dir.filePath(fileName)), m_connection(std::make_unique<DatabaseConnection>(
                                            m_path, DatabaseConnection::Mode::CreateIfMissing))
{
    m_connection->enableWriteAheadLog();
    for (const QString &statement : statements)
        exec(statement);
}

TempDatabase::~TempDatabase() = default;

void TempDatabase::exec(const QString &sql, const QVariantList &values)
{
    SqlExec::exec(db(), sql, values);
}

QVariant TempDatabase::scalar(const QString &sql, const QVariantList &values)
{
    return SqlExec::scalar(db(), sql, values);
}
