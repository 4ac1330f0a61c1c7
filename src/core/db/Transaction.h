#pragma once

#include "WriteQueue.h"

#include <QSqlDatabase>
#include <memory>

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless committed: whatever throws
// in between leaves the database as it was. Writers take turns (WriteQueue): a transaction
// waits for the file's earlier writers, in this process and in others, instead of failing
// with "database is locked". `what` says what is written ("the generation on customers"),
// for those who wait for it.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db, const QString &what = {});
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

    // How long another program's write is waited for before giving up.
    static constexpr int OtherProgramPatienceMs = 10 * 60 * 1000;
    // How long the first attempt waits before the waiter is told that another program writes.
    static constexpr int FirstAttemptMs = 200;

private:
    QSqlDatabase &m_db;
    std::unique_ptr<WriteQueue::Turn> m_turn;
    bool m_open = true;
};
