#pragma once

#include <QThreadPool>

// Long work — imports, exports, generations, scans of big tables — runs in its own pool.
// The global pool (as many threads as cores) stays free for short tasks and for Qt itself:
// its raster paint engine uses it, so blocking it with a generation waiting on the network
// would stall painting.
class TaskPools
{
public:
    static QThreadPool *longRunning();
};
