#include "ImportCommand.h"

#include "CliDatabaseOption.h"
#include "db/DatabaseConnection.h"
#include "generate/GeneratedRows.h"
#include "import/ImportOptions.h"
#include "import/TableImporter.h"
#include "util/RowforgeError.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <unistd.h>

namespace {

// Splits the values of a repeatable COLUMN=VALUE option at the first '='. False, with the
// reason on err, when a value has no '=' or an empty column.
bool readPairs(const QCommandLineParser &parser, const QCommandLineOption &option,
               QList<QPair<QString, QString>> *pairs, QTextStream &err)
{
    for (const QString &value : parser.values(option)) {
        const qsizetype equals = value.indexOf(u'=');
        if (equals <= 0) {
            err << "--" << option.names().first() << " wants " << option.valueName() << ", not "
                << value << "\n";
            return false;
        }
        *pairs << qMakePair(value.left(equals), value.mid(equals + 1));
    }
    return true;
}

// The user's choices per column: types, names, columns left out, date formats.
bool readColumnChoices(const QCommandLineParser &parser, const QCommandLineOption &type,
                       const QCommandLineOption &rename, const QCommandLineOption &skip,
                       const QCommandLineOption &dateFormat, ImportOptions &options,
                       QTextStream &err)
{
    QList<QPair<QString, QString>> types, names, formats;
    if (!readPairs(parser, type, &types, err) || !readPairs(parser, rename, &names, err) ||
        !readPairs(parser, dateFormat, &formats, err))
        return false;
    for (const auto &[column, name] : std::as_const(types)) {
        bool known = false;
        for (const ColumnType::Type candidate :
             {ColumnType::Integer, ColumnType::Real, ColumnType::Text, ColumnType::Date,
              ColumnType::DateTime}) {
            if (name.compare(ColumnType::sqlName(candidate), Qt::CaseInsensitive) == 0) {
                options.columnTypes.insert(column, candidate);
                known = true;
            }
        }
        if (!known) {
            err << "--type " << column << "=" << name
                << ": the type must be integer, real, text, date or datetime\n";
            return false;
        }
    }
    for (const auto &[column, name] : std::as_const(names))
        options.columnNames.insert(column, name);
    for (const QString &column : parser.values(skip))
        options.skippedColumns.insert(column);
    for (const auto &[column, format] : std::as_const(formats)) {
        const ColumnType::Type chosen = options.columnTypes.value(column, ColumnType::Null);
        if (chosen != ColumnType::Date && chosen != ColumnType::DateTime) {
            err << "--date-format " << column << ": give the column --type " << column
                << "=date or datetime as well\n";
            return false;
        }
        options.dateFormats.insert(column, format);
    }
    return true;
}

} // namespace

int ImportCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QStringLiteral(". Prints table<TAB>rows<TAB>seconds per file. Each file is "
                                   "imported in one transaction: on any error nothing of it "
                                   "is written."));
    parser.addHelpOption();
    CliDatabaseOption database(parser);
    const QCommandLineOption table(QStringLiteral("table"),
                                   QStringLiteral("Table name (default: from the file name)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption ifExists(
        QStringLiteral("if-exists"),
        QStringLiteral("When the table exists: fail (default; a name taken from the file gets a "
                       "suffix instead), replace, or append."),
        QStringLiteral("MODE"), QStringLiteral("fail"));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"),
                                       QStringLiteral("Field delimiter, e.g. , ; | or \\t "
                                                      "(default: detected)."),
                                       QStringLiteral("C"));
    const QCommandLineOption noHeader(QStringLiteral("no-header"),
                                      QStringLiteral("The first row is data, not column names."));
    const QCommandLineOption header(QStringLiteral("header"),
                                    QStringLiteral("The first row holds column names."));
    const QCommandLineOption encoding(
        QStringLiteral("encoding"),
        QStringLiteral("utf-8, utf-16le, utf-16be or windows-1252 (default: detected)."),
        QStringLiteral("NAME"));
    const QCommandLineOption ragged(
        QStringLiteral("ragged"),
        QStringLiteral("Rows with too few or too many fields: error (default), pad (fill "
                       "missing fields with NULL), or skip."),
        QStringLiteral("POLICY"), QStringLiteral("error"));
    const QCommandLineOption maxRecord(
        QStringLiteral("max-record-mb"),
        QStringLiteral("Refuse a record (row, JSON object or line) longer than this many MB "
                       "(default 64)."),
        QStringLiteral("MB"), QStringLiteral("64"));
    const QCommandLineOption type(
        QStringLiteral("type"),
        QStringLiteral("A column's type instead of the detected one: integer, real, text, date "
                       "or datetime (dates are read in their own form, or --date-format, and "
                       "stored as ISO 8601). COLUMN is the name in the file. Repeatable."),
        QStringLiteral("COLUMN=TYPE"));
    const QCommandLineOption rename(
        QStringLiteral("rename"),
        QStringLiteral("Give a column of the file another name in the table (in an append, "
                       "the existing column it goes into). Repeatable."),
        QStringLiteral("COLUMN=NAME"));
    const QCommandLineOption skip(QStringLiteral("skip"),
                                  QStringLiteral("Leave a column of the file out. Repeatable."),
                                  QStringLiteral("COLUMN"));
    const QCommandLineOption dateFormat(
        QStringLiteral("date-format"),
        QStringLiteral("The form a date or datetime column's text is in, in Qt's notation "
                       "(e.g. dd/MM/yyyy or M/d/yyyy h:mm); default: detected. Repeatable."),
        QStringLiteral("COLUMN=FORMAT"));
    parser.addOptions({table, ifExists, delimiter, noHeader, header, encoding, ragged, maxRecord,
                       type, rename, skip, dateFormat});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."),
                                 QStringLiteral("FILE..."));
    if (const int status = parse(parser, arguments, out, err); status >= 0)
        return status;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "import needs at least one FILE\n";
        return UsageError;
    }

    ImportOptions options;
    if (parser.isSet(table) && parser.value(table).isEmpty()) {
        // Empty would mean "name it after the file": say so rather than ignore the option.
        err << "--table needs a name; leave the option out to name the table after the file\n";
        return UsageError;
    }
    options.table = parser.value(table);
    const QString mode = parser.value(ifExists);
    if (mode == QLatin1String("fail"))
        options.ifExists = ImportOptions::IfExists::Fail;
    else if (mode == QLatin1String("replace"))
        options.ifExists = ImportOptions::IfExists::Replace;
    else if (mode == QLatin1String("append"))
        options.ifExists = ImportOptions::IfExists::Append;
    else {
        err << "--if-exists must be fail, replace or append, not " << mode << "\n";
        return UsageError;
    }
    std::optional<QChar> chosenDelimiter;
    if (!readDelimiter(parser, delimiter, &chosenDelimiter, err))
        return UsageError;
    if (chosenDelimiter)
        options.delimiter = *chosenDelimiter;
    if (parser.isSet(noHeader) && parser.isSet(header)) {
        err << "--header and --no-header exclude each other\n";
        return UsageError;
    }
    if (parser.isSet(noHeader))
        options.header = false;
    else if (parser.isSet(header))
        options.header = true;
    if (parser.isSet(encoding)) {
        TextEncoding::Kind kind;
        if (!TextEncoding::fromName(parser.value(encoding), &kind)) {
            err << "unknown --encoding " << parser.value(encoding)
                << " (use utf-8, utf-16le, utf-16be or windows-1252)\n";
            return UsageError;
        }
        options.encoding = kind;
    }
    bool recordOk = false;
    const int recordMb = parser.value(maxRecord).toInt(&recordOk);
    if (!recordOk || recordMb < 1 || recordMb > 16384) {
        err << "--max-record-mb must be a number of megabytes from 1 to 16384\n";
        return UsageError;
    }
    options.maxRecordBytes = qint64(recordMb) << 20;
    const QString policy = parser.value(ragged);
    if (policy == QLatin1String("error"))
        options.raggedRows = ImportOptions::RaggedRows::Error;
    else if (policy == QLatin1String("pad"))
        options.raggedRows = ImportOptions::RaggedRows::Pad;
    else if (policy == QLatin1String("skip"))
        options.raggedRows = ImportOptions::RaggedRows::Skip;
    else {
        err << "--ragged must be error, pad or skip, not " << policy << "\n";
        return UsageError;
    }

    if (!readColumnChoices(parser, type, rename, skip, dateFormat, options, err))
        return UsageError;

    const bool showProgress = isatty(STDERR_FILENO);
    // Importing into a new file creates it, as sqlite3 does; an import that fails before any
    // file went in leaves no file behind. An existing database keeps its journal mode.
    const bool created = !QFileInfo::exists(database.path());
    int imported = 0;
    try {
        DatabaseConnection connection(database.path(), DatabaseConnection::Mode::CreateIfMissing);
        for (const QString &file : files) {
            QElapsedTimer shown;
            shown.start();
            const ImportResult result = TableImporter::import(
                connection.database(), file, options, [&](qint64 done, qint64 total) {
                    if (showProgress && shown.elapsed() > 200) {
                        shown.restart();
                        err << "\r" << file << ": " << (total ? done * 100 / total : 0) << "%"
                            << Qt::flush;
                    }
                    return true;
                });
            if (showProgress)
                err << "\r\033[K" << Qt::flush;
            out << result.table << '\t' << result.rows << '\t'
                << QString::number(result.seconds, 'f', 3) << '\n'
                << Qt::flush;
            if (result.replacedTable) // the rows generated in the table it replaced are gone
                GeneratedRows().forget(database.path(), result.table);
            if (result.skippedRows > 0)
                err << file << ": skipped " << result.skippedRows << " ragged rows\n";
            ++imported;
        }
    } catch (const RowforgeError &error) {
        if (showProgress)
            err << "\r\033[K";
        err << error.message() << "\n";
        if (created && imported == 0) {
            for (const QString &file : DatabaseConnection::filesOf(database.path()))
                QFile::remove(file);
        }
        return UserError;
    }
    return Success;
}
