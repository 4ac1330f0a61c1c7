#pragma once

#include "util/RowforgeError.h"

#include <QString>

// SQLite errors that are about the database file, not about the row or line being written:
// said as such, with what to do, and never blamed on an input line.
class DatabaseProblem
{
public:
    // The explanation for SQLite's message, or an empty string when it is about the data.
    static QString explain(const QString &sqliteMessage);
};

// Thrown with DatabaseProblem's explanation, so that callers that add a line or file name to
// errors about the data leave it as it is.
class DatabaseProblemError : public RowforgeError
{
public:
    using RowforgeError::RowforgeError;
};
