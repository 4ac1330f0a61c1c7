#pragma once

#include "ColumnType.h"
#include "TextEncoding.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <optional>

// What the user decided (or left to detection) for one import.
struct ImportOptions
{
    // What to do when the table exists. Fail with a name derived from the file picks a free
    // name (sales_2) instead; an explicit name that exists is an error.
    enum class IfExists { Fail, Replace, Append };
    // Rows with more or fewer fields than the header.
    enum class RaggedRows { Error, Pad, Skip };

    QString table; // empty: derived from the file name
    IfExists ifExists = IfExists::Fail;
    std::optional<QChar> delimiter;
    std::optional<bool> header;
    std::optional<TextEncoding::Kind> encoding;
    RaggedRows raggedRows = RaggedRows::Error;
    // Column types chosen by the user, by column name; others are inferred.
    QHash<QString, ColumnType::Type> columnTypes;
    // Columns the user renamed (detected name → name in the table) or left out, by detected
    // name. In an append the new name is the existing column's it goes into.
    QHash<QString, QString> columnNames;
    QSet<QString> skippedColumns;
    // For a column chosen as DATE or DATETIME, the format its text is in (Qt's notation, e.g.
    // dd/MM/yyyy), by detected name; without one it is detected from the column's values.
    QHash<QString, QString> dateFormats;
    // A record (a CSV row, a JSON object or line) longer than this is refused: a quote never
    // closed, or a file that is not what it seems, must not take all the memory there is.
    qint64 maxRecordBytes = 64LL * 1024 * 1024;
};
