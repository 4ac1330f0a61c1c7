#include "ExportCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "export/TableExporter.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QFile>
#include <cerrno>
#include <cstdio>
#include <cstring>

int ExportCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QStringLiteral(". NULL is an empty unquoted field, the empty string is \"\"; "
                                   "BLOBs are written as base64. A file is written whole or "
                                   "not at all."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    const QCommandLineOption table(QStringLiteral("table"),
                                   QStringLiteral("Table or view to export."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption output(QStringList{QStringLiteral("output"), QStringLiteral("o")},
                                    QStringLiteral("Output file; - or none for standard output."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"),
                                       QStringLiteral("Field delimiter (default ,; \\t for tab)."),
                                       QStringLiteral("C"));
    const QCommandLineOption noHeader(QStringLiteral("no-header"),
                                      QStringLiteral("Leave out the row of column names."));
    const QCommandLineOption crlf(QStringLiteral("crlf"), QStringLiteral("End lines with CRLF."));
    const QCommandLineOption nullText(QStringLiteral("null-text"),
                                      QStringLiteral("Write NULL as this text (default: empty)."),
                                      QStringLiteral("STR"));
    const QCommandLineOption bom(
        QStringLiteral("bom"), QStringLiteral("Start with a UTF-8 BOM, for spreadsheet programs."));
    parser.addOptions({table, output, delimiter, noHeader, crlf, nullText, bom});
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (!parser.isSet(table)) {
        err << "export needs --table NAME\n";
        return UsageError;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "export takes no arguments: " << parser.positionalArguments().join(u' ') << "\n";
        return UsageError;
    }
    ExportOptions options;
    std::optional<QChar> chosenDelimiter;
    if (!readDelimiter(parser, delimiter, &chosenDelimiter, err))
        return UsageError;
    if (chosenDelimiter)
        options.delimiter = *chosenDelimiter;
    options.header = !parser.isSet(noHeader);
    options.crlf = parser.isSet(crlf);
    options.nullText = parser.value(nullText);
    options.bom = parser.isSet(bom);
    if (options.nullText.contains(options.delimiter) || options.nullText.contains(u'"') ||
        options.nullText.contains(u'\n') || options.nullText.contains(u'\r')) {
        err << "--null-text cannot hold the delimiter, a quote or a line break\n";
        return UsageError;
    }

    try {
        DatabaseConnection connection(database.path());
        const QString target = parser.value(output);
        if (target.isEmpty() || target == QLatin1String("-")) {
            out.flush();
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
                throw RowforgeError(QStringLiteral("Cannot write to standard output"));
            stdoutFile.setObjectName(QStringLiteral("standard output"));
            TableExporter::exportToDevice(connection.database(), parser.value(table), stdoutFile,
                                          options);
            // The C library may still hold the last bytes: `export > /dev/full` must fail.
            if (std::fflush(stdout) != 0 || std::ferror(stdout))
                throw RowforgeError(QStringLiteral("Cannot write standard output: %1")
                                        .arg(QString::fromLocal8Bit(std::strerror(errno))));
        } else {
            TableExporter::exportToFile(connection.database(), parser.value(table), target,
                                        options);
        }
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
