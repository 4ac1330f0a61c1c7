#pragma once

#include "SqlAffinity.h"

#include <QString>
#include <QStringList>

// One column as SQLite reports it (PRAGMA table_xinfo) plus what only the CREATE statement
// tells (CHECK constraints).
struct ColumnInfo
{
    enum Generated { NotGenerated, GeneratedVirtual, GeneratedStored };

    QString name;
    QString declaredType;
    SqlAffinity::Kind affinity = SqlAffinity::Blob;
    bool notNull = false;
    bool hasDefault = false;
    QString defaultSql;         // the DEFAULT expression as written
    int primaryKeyPosition = 0; // 1-based position in the primary key, 0 if not part of it
    bool unique = false;        // a single-column UNIQUE constraint or unique index
    bool rowidAlias = false;    // INTEGER PRIMARY KEY of a rowid table: SQLite fills it
    bool hidden = false;        // hidden column of a virtual table
    Generated generated = NotGenerated;
    QStringList checks; // column-level CHECK expressions

    bool isPrimaryKey() const { return primaryKeyPosition > 0; }
    // Columns SQLite fills by itself, which inserts leave out.
    bool isFilledBySqlite() const { return rowidAlias || generated != NotGenerated || hidden; }
};
