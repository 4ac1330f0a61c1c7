#include "CliCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int CliCommand::parse(QCommandLineParser &parser, const QStringList &arguments, QTextStream &out,
                      QTextStream &err)
{
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program by its path; the usage line names the command as typed.
        QString help = parser.helpText();
        const QString usage = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        if (!arguments.isEmpty() && help.startsWith(usage))
            help.replace(7, usage.size() - 7, arguments.constFirst());
        out << help;
        return Success;
    }
    return -1;
}

bool CliCommand::parseDelimiter(const QString &text, QChar *delimiter)
{
    if (text == QLatin1String("\\t") ||
        text.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0) {
        *delimiter = u'\t';
        return true;
    }
    if (text.size() != 1 || text == QLatin1String("\"") || text == QLatin1String("\n") ||
        text == QLatin1String("\r"))
        return false;
    *delimiter = text.at(0);
    return true;
}

bool CliCommand::readDelimiter(const QCommandLineParser &parser, const QCommandLineOption &option,
                               std::optional<QChar> *delimiter, QTextStream &err)
{
    if (!parser.isSet(option))
        return true;
    QChar c;
    if (!parseDelimiter(parser.value(option), &c)) {
        err << "--delimiter must be one character (or \\t), not " << parser.value(option) << "\n";
        return false;
    }
    *delimiter = c;
    return true;
}
