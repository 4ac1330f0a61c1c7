#include "TempDatabase.h"

#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"

#include <QSqlQuery>

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

QString TempDatabase::dump()
{
    QString text;
    for (const TableInfo &table : SchemaReader::readAll(db())) {
        text += table.sql + u'\n';
        QSqlQuery rows = SqlExec::exec(
            db(), QStringLiteral("SELECT * FROM %1").arg(SqlIdentifier::quote(table.name)));
        while (rows.next()) {
            for (int i = 0; i < table.columns.size(); ++i)
                text += rows.value(i).isNull() ? QStringLiteral("<null>|")
                                               : rows.value(i).toString() + u'|';
            text += u'\n';
        }
    }
    return text;
}
