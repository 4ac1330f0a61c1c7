#pragma once

#include "TextEncoding.h"

#include <QString>

// What an import did, for the status bar and the CLI's summary line.
struct ImportResult
{
    QString file;
    QString table;
    qint64 rows = 0;
    qint64 skippedRows = 0; // ragged rows skipped on request
    double seconds = 0;
    bool createdTable = false;
    bool replacedTable = false; // an existing table was dropped for this one
    QString format;             // "CSV", "JSON", "JSONL"
    TextEncoding::Kind encoding = TextEncoding::Utf8;
    QChar delimiter;
    bool header = true;
};
