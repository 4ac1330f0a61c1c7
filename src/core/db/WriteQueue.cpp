#include "WriteQueue.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace {

struct FileTurns
{
    quint64 nextTicket = 0;
    quint64 serving = 0;
    Qt::HANDLE owner = nullptr; // the thread holding the turn
    int depth = 0;              // nested turns of that thread
    QString holder;
};

QMutex &mutex()
{
    static QMutex m;
    return m;
}

QWaitCondition &turnEnded()
{
    static QWaitCondition c;
    return c;
}

QHash<QString, FileTurns> &files()
{
    static QHash<QString, FileTurns> f;
    return f;
}

WriteQueue::Observer &observer()
{
    static WriteQueue::Observer o;
    return o;
}

QString keyOf(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

void WriteQueue::setObserver(Observer observer)
{
    QMutexLocker lock(&mutex());
    ::observer() = std::move(observer);
}

QString WriteQueue::describe(const QString &what)
{
    return what.isEmpty() ? QStringLiteral("another write") : what;
}

WriteQueue::Turn::Turn(const QString &path, const QString &what) : m_key(keyOf(path))
{
    QMutexLocker lock(&mutex());
    FileTurns &turns = files()[m_key];
    const Qt::HANDLE self = QThread::currentThreadId();
    if (turns.depth > 0 && turns.owner == self) {
        ++turns.depth; // the same writer again (a trial inside its own run)
        m_counted = true;
        return;
    }
    const quint64 ticket = turns.nextTicket++;
    bool told = false;
    while (files()[m_key].serving != ticket) {
        if (!told && ::observer()) {
            const Observer notify = ::observer();
            const QString holder = files()[m_key].holder;
            told = true;
            lock.unlock();
            notify(path, describe(what), describe(holder));
            lock.relock();
            continue;
        }
        turnEnded().wait(&mutex());
    }
    FileTurns &mine = files()[m_key];
    mine.owner = self;
    mine.depth = 1;
    mine.holder = what;
    m_counted = true;
}

WriteQueue::Turn::~Turn()
{
    if (!m_counted)
        return;
    QMutexLocker lock(&mutex());
    FileTurns &turns = files()[m_key];
    if (--turns.depth > 0)
        return;
    turns.owner = nullptr;
    turns.holder.clear();
    ++turns.serving;
    turnEnded().wakeAll();
}

void WriteQueue::waitingForAnotherProgram(const QString &path, const QString &what)
{
    Observer notify;
    {
        QMutexLocker lock(&mutex());
        notify = ::observer();
    }
    if (notify)
        notify(path, describe(what), QStringLiteral("another program"));
}
