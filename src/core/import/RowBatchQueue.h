#pragma once

#include "RowBatch.h"

#include <condition_variable>
#include <deque>
#include <mutex>

// A bounded queue of batches between one producer and one consumer thread. The producer
// blocks when it is full (memory stays bounded); either side can close it.
class RowBatchQueue
{
public:
    explicit RowBatchQueue(size_t capacity) : m_capacity(capacity) {}

    // False if the consumer closed the queue (stop producing).
    bool push(RowBatch &&batch);
    // False when the producer has finished and the queue is empty.
    bool pop(RowBatch &batch);
    // The producer has no more batches.
    void finish();
    // The consumer stops: pending and future batches are dropped.
    void close();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<RowBatch> m_batches;
    size_t m_capacity;
    bool m_finished = false;
    bool m_closed = false;
};
