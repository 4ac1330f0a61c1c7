#include "AskCommand.h"
#include "CliCommand.h"
#include "ExportCommand.h"
#include "GenerateCommand.h"
#include "ImportCommand.h"
#include "ModelsCommand.h"
#include "QueryCommand.h"
#include "ReportCommand.h"
#include "TablesCommand.h"
#include "db/WriteQueue.h"
#include "util/AppIdentity.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <memory>
#include <vector>

namespace {

void printUsage(QTextStream &stream, const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    stream << "Usage: rowforge-cli <command> [options]\n\n"
           << "Rowforge from the command line: inspect, import, export, query and grow SQLite "
              "tables.\n\n"
           << "Commands:\n";
    for (const auto &command : commands)
        stream << "  " << command->name().leftJustified(10) << command->summary() << "\n";
    stream << "\nOptions:\n  -h, --help     Show this help; '<command> --help' for a command.\n"
           << "  -v, --version  Show the version.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppIdentity::apply();
    // The summary line already shows token usage; QT_LOGGING_RULES can still turn the log on.
    QLoggingCategory::setFilterRules(QStringLiteral("rowforge.*.info=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Another program writing to the same database is waited for, and said once.
    WriteQueue::setObserver([&err](const QString &path, const QString &, const QString &holder) {
        err << "Waiting for " << holder << " to finish writing to " << path << "…\n" << Qt::flush;
    });

    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<TablesCommand>());
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<QueryCommand>());
    commands.push_back(std::make_unique<AskCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    commands.push_back(std::make_unique<ModelsCommand>());

    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        printUsage(err, commands);
        return CliCommand::UsageError;
    }
    const QString first = arguments.at(1);
    if (first == QLatin1String("-h") || first == QLatin1String("--help") ||
        first == QLatin1String("help")) {
        printUsage(out, commands);
        return CliCommand::Success;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        out << "rowforge-cli " << QCoreApplication::applicationVersion() << "\n";
        return CliCommand::Success;
    }
    for (const auto &command : commands) {
        if (command->name() == first) {
            QStringList rest = arguments.mid(2);
            rest.prepend(QStringLiteral("rowforge-cli %1").arg(first));
            try {
                return command->run(rest, out, err);
            } catch (const std::exception &error) {
                // Out of memory or a bug: one clear line and status 1, never an abort.
                err << "rowforge-cli " << first << " failed unexpectedly: " << error.what() << "\n";
                return CliCommand::UserError;
            }
        }
    }
    err << "Unknown command: " << first << "\n\n";
    printUsage(err, commands);
    return CliCommand::UsageError;
}
