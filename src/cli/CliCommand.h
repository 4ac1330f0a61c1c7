#pragma once

#include <QStringList>
#include <QTextStream>
#include <optional>

class QCommandLineOption;
class QCommandLineParser;

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

protected:
    // Parses the arguments (--help included). Returns -1 to go on, else the exit code to
    // return: Success after printing help, UsageError after reporting the problem.
    static int parse(QCommandLineParser &parser, const QStringList &arguments, QTextStream &out,
                     QTextStream &err);
    // One character, or \t / tab for a tab; never a quote or a line break.
    static bool parseDelimiter(const QString &text, QChar *delimiter);
    // Reads --delimiter when given; false (after saying why on err) when it is not valid.
    static bool readDelimiter(const QCommandLineParser &parser, const QCommandLineOption &option,
                              std::optional<QChar> *delimiter, QTextStream &err);
};
