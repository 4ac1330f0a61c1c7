#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// Runs a program (the real rowforge-cli, or the sqlite3 shell) as a user would, with data and
// settings in a folder of the test's own and never a real provider's key or address.
class CliProcess
{
public:
    struct Run
    {
        int exitCode = -1; // -1: crashed or timed out
        QByteArray out, err;
    };

    explicit CliProcess(QString home) : m_home(std::move(home)) {}
    // Spins the event loop while waiting: a mock server in the test's process must answer.
    Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
            const QHash<QString, QString> &environment = {}) const;

private:
    QString m_home;
};
