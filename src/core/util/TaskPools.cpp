#include "TaskPools.h"

QThreadPool *TaskPools::longRunning()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        // Mostly waiting on disks and networks: more threads than cores is right here.
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}
