#include "TablesCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "db/SchemaReader.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>

int TablesCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    if (!parser.positionalArguments().isEmpty()) {
        err << "tables takes no arguments: " << parser.positionalArguments().join(u' ') << "\n";
        return UsageError;
    }
    try {
        DatabaseConnection connection(database.path());
        for (const TableInfo &table : SchemaReader::readAll(connection.database())) {
            out << table.name << '\t' << SchemaReader::rowCount(connection.database(), table)
                << '\t' << table.columns.size() << '\n';
        }
    } catch (const RowforgeError &error) {
        err << error.message() << "\n";
        return UserError;
    }
    return Success;
}
