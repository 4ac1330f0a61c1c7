#pragma once

#include <QSqlDatabase>

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless committed: whatever throws
// in between leaves the database as it was.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    QSqlDatabase &m_db;
    bool m_open = true;
};
