#pragma once

#include <QString>

// An index or a trigger a table has, as the user (or a tool) created it: what the schema tree
// lists under the table, with its CREATE statement. Indexes SQLite makes for UNIQUE and
// PRIMARY KEY constraints have no statement and are not listed.
struct SchemaObject
{
    enum Kind { Index, Trigger };

    Kind kind = Index;
    QString name;
    QString sql;     // the CREATE statement as stored in sqlite_schema
    QString summary; // "UNIQUE on email", "AFTER INSERT"
};
