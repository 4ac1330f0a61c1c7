#pragma once

#include <QStringList>

// The words SQLite itself treats as keywords (from the library, so they match the version that
// runs the queries), upper case, for highlighting and completion.
class SqlKeywords
{
public:
    static const QStringList &all();
};
