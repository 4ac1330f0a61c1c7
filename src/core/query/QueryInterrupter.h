#pragma once

#include <QSqlDatabase>
#include <mutex>

struct sqlite3;

// Stops a statement running on another thread's connection (sqlite3_interrupt): the worker
// attaches its connection while it runs; interrupt() may be called from any thread at any
// time, and never touches a connection that is already closed.
class QueryInterrupter
{
public:
    void attach(QSqlDatabase &db);
    void detach();
    // True when a statement was running and was told to stop.
    bool interrupt();

private:
    std::mutex m_mutex;
    sqlite3 *m_handle = nullptr;
};
