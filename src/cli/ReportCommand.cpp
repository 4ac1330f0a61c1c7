#include "ReportCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "fidelity/FidelityReporter.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace {
QString score(double value)
{
    return value < 0 ? QStringLiteral("-") : QString::number(value, 'f', 3);
}
} // namespace

int ReportCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QStringLiteral(" (SDMetrics definitions: column shapes, boundary and "
                                   "category adherence, null-rate similarity, new rows, "
                                   "duplicates; at most 20,000 rows a side)."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    const QCommandLineOption table(QStringLiteral("table"), QStringLiteral("Table to report on."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption since(
        QStringLiteral("since-rowid"),
        QStringLiteral("Rows with a larger rowid are the new ones; the others the existing ones."),
        QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the report as JSON."));
    parser.addOptions({table, since, json});
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (!parser.isSet(table) || !parser.isSet(since)) {
        err << "report needs --table NAME and --since-rowid N\n";
        return UsageError;
    }
    bool ok = false;
    const qint64 rowid = parser.value(since).toLongLong(&ok);
    if (!ok) {
        err << "--since-rowid must be a whole number\n";
        return UsageError;
    }
    try {
        DatabaseConnection connection(database.path());
        QRandomGenerator random(1); // the same rows give the same report
        const FidelityReport report =
            FidelityReporter::sinceRowid(connection.database(), parser.value(table), rowid, random);
        if (parser.isSet(json)) {
            out << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact))
                << "\n";
            return Success;
        }
        out << "Compared " << report.syntheticRows << " new rows with " << report.realRows
            << " existing rows: " << report.summary() << "\n\n";
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("column"), -24)
                   .arg(QStringLiteral("kind"), -12)
                   .arg(QStringLiteral("shape"), 7)
                   .arg(QStringLiteral("bounds"), 7)
                   .arg(QStringLiteral("categ."), 7)
                   .arg(QStringLiteral("nulls"), 7);
        for (const FidelityReport::Column &column : report.columns)
            // Padded piece by piece: a name holding "%2" must not take the next value.
            out << column.name.left(24).leftJustified(24) << ' ' << column.kind.leftJustified(12)
                << ' ' << score(column.shape).rightJustified(7) << ' '
                << score(column.boundary).rightJustified(7) << ' '
                << score(column.category).rightJustified(7) << ' '
                << score(column.missing).rightJustified(7) << '\n';
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
