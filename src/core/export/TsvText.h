#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

// Cells as tab-separated text, the way spreadsheets copy and paste them: one line per row, a
// field with a tab, a line break or a double quote in double quotes (quotes doubled). NULL is
// an empty field, REALs their shortest exact form, BLOBs base64 (as Export CSV writes them).
class TsvText
{
public:
    static QString write(const QList<QVariantList> &rows, const QStringList &headers = {});
    // The fields of pasted text, row by row (a trailing line break ends the last row).
    static QList<QStringList> read(const QString &text);
    static QString field(const QVariant &value);
};
