#pragma once

#include <QStringList>
#include <QTextStream>

// One rowforge-cli subcommand. run() returns the process exit status: 0 on success, 1 on a
// user error (message already written to stderr), 2 on bad usage.
class CliCommand
{
public:
    enum ExitCode { Success = 0, UserError = 1, UsageError = 2 };
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // arguments[0] is the program name, as QCommandLineParser expects.
    virtual int run(const QStringList &arguments, QTextStream &out, QTextStream &err) = 0;
};
