#include "QueryInterrupter.h"

#include "db/SqliteHandle.h"

#include <sqlite3.h>

void QueryInterrupter::attach(QSqlDatabase &db)
{
    const std::lock_guard lock(m_mutex);
    m_handle = SqliteHandle::of(db);
}

void QueryInterrupter::detach()
{
    const std::lock_guard lock(m_mutex);
    m_handle = nullptr;
}

bool QueryInterrupter::interrupt()
{
    const std::lock_guard lock(m_mutex);
    if (m_handle)
        sqlite3_interrupt(m_handle);
    return m_handle != nullptr;
}
