#pragma once

#include "util/RowforgeError.h"

// The database file itself is damaged: the error blames the database, never the input file
// or the rows being written, and says what to do.
class DatabaseDamaged : public RowforgeError
{
public:
    explicit DatabaseDamaged(const QString &detail)
        : RowforgeError(QStringLiteral("The database is damaged (%1), so nothing was written. "
                                       "Restore it from a backup, or save what can be read with "
                                       "the sqlite3 shell's .recover command.")
                            .arg(detail))
    {}
};
