#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>

// Runs `work` on the global thread pool and hands its result to `done` on the receiver's
// thread. If the receiver is destroyed first, `done` is never called.
class Background
{
public:
    template <typename Work, typename Done> static void run(QObject *receiver, Work work, Done done)
    {
        run(receiver, QThreadPool::globalInstance(), std::move(work), std::move(done));
    }
    // The same on a given pool: TaskPools::longRunning() for work that may block for long.
    template <typename Work, typename Done>
    static void run(QObject *receiver, QThreadPool *pool, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work>;
        auto *watcher = new QFutureWatcher<Result>(receiver);
        QObject::connect(watcher, &QFutureWatcher<Result>::finished, receiver,
                         [watcher, done = std::move(done)]() mutable {
                             if constexpr (std::is_void_v<Result>)
                                 done();
                             else
                                 done(watcher->result());
                             watcher->deleteLater();
                         });
        watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
    }
};
