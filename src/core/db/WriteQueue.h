#pragma once

#include <QString>
#include <functional>

// One writer at a time per database file, without errors. SQLite allows one write transaction
// per file and makes a second writer fail with "database is locked" after the busy timeout;
// Rowforge's writes (a generation holds one for its whole run) instead take turns:
// - in this process, writers queue per file, first come first served;
// - another program's write is waited for, BEGIN IMMEDIATE retried, for as long as it lasts.
// Whoever waits is told why, once, through the observer (the GUI's status bar, the CLI's
// stderr).
class WriteQueue
{
public:
    // path: the database file; waiter: what waits ("an import into sales"); holder: what it
    // waits for ("the generation on customers", or "another program").
    using Observer =
        std::function<void(const QString &path, const QString &waiter, const QString &holder)>;
    static void setObserver(Observer observer);

    // Holds the file's turn from construction to destruction. Blocks until it is this turn.
    class Turn
    {
    public:
        Turn(const QString &path, const QString &what);
        ~Turn();
        Turn(const Turn &) = delete;
        Turn &operator=(const Turn &) = delete;

    private:
        QString m_key;
        bool m_counted = false;
    };

    // Tells the observer that `what` waits for another program's write to `path`.
    static void waitingForAnotherProgram(const QString &path, const QString &what);
    // What the current thread is writing, for the messages of those who wait for it.
    static QString describe(const QString &what);
};
