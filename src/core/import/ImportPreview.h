#pragma once

#include "ColumnType.h"
#include "ImportOptions.h"
#include "TextEncoding.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

// The first rows of a file as an import would store them, with the settings detected or
// given, for the import dialog. Types here come from the previewed rows only; the import
// itself checks every row.
struct ImportPreview
{
    QString format;
    TextEncoding::Kind encoding = TextEncoding::Utf8;
    QChar delimiter;
    bool header = true;
    QStringList columns;
    QList<ColumnType::Type> types;
    QList<QVariantList> rows; // converted values; a null QVariant is NULL
    bool truncated = false;   // the file has more rows than shown
    QString error;            // why the file cannot be previewed, if so

    // Throws nothing: problems are reported in `error`.
    static ImportPreview read(const QString &path, const ImportOptions &options, int maxRows = 100);
};
