#pragma once

#include "ColumnProfile.h"
#include "db/TableInfo.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariantList>

// Everything a prompt needs to know about a table, gathered in one place from the database:
// the schema, the columns to generate, sample rows, column profiles, existing values of
// unique columns (when few) and valid parent keys for foreign keys.
struct GenerationContext
{
    TableInfo table;
    QStringList columns;       // the columns a generated row holds
    QStringList sampleColumns; // the columns of sampleRows
    QList<QVariantList> sampleRows;
    QList<ColumnProfile> profiles;
    qint64 rowCount = 0; // exact up to ExactCountLimit, else estimated from the rowid span
    QHash<QString, QStringList> uniqueValues; // column -> all existing values, when few
    QHash<QString, qint64> uniqueCounts;      // column -> how many values exist
    QHash<QString, QStringList> parentKeys;   // column -> sample of valid parent keys

    static constexpr int FewUniqueValues = 50;
    static constexpr int ParentKeySample = 20;
    static constexpr int ExactCountLimit = 100000;

    static GenerationContext gather(QSqlDatabase &db, const TableInfo &table, int sampleSize,
                                    QRandomGenerator &random);
};
