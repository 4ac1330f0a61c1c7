#pragma once

#include <QStringList>

// Names for imported tables and columns: friendly, unique, never rejected (identifiers are
// always quoted, so any character that remains is fine).
class ImportNaming
{
public:
    // "Sales Report (2024).csv" -> "sales_report_2024"
    static QString tableNameForFile(const QString &filePath);
    // base, or base_2, base_3, ... whichever is not taken (compared case-insensitively).
    static QString uniqueName(const QString &base, const QStringList &taken);
    // Trimmed header names; missing (null) and blank ones become column_N, repeated ones get
    // _2, _3, ... An empty name given on purpose (empty, not null) stays empty.
    static QStringList columnNames(const QStringList &header);
    // `name` as a name given on purpose: never null, even when empty.
    static QString explicitName(const QString &name);
};
