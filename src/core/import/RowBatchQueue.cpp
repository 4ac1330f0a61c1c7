#include "RowBatchQueue.h"

bool RowBatchQueue::push(RowBatch &&batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_closed || m_batches.size() < m_capacity; });
    if (m_closed)
        return false;
    m_batches.push_back(std::move(batch));
    m_changed.notify_all();
    return true;
}

bool RowBatchQueue::pop(RowBatch &batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_closed || m_finished || !m_batches.empty(); });
    if (m_batches.empty())
        return false;
    batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return true;
}

void RowBatchQueue::finish()
{
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

void RowBatchQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_batches.clear();
    m_changed.notify_all();
}
