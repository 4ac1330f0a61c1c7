#include "Transaction.h"

#include "SqlExec.h"

Transaction::Transaction(QSqlDatabase &db) : m_db(db)
{
    SqlExec::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    SqlExec::exec(m_db, QStringLiteral("COMMIT"));
    m_open = false;
}
