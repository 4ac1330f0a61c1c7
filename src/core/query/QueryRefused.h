#pragma once

#include "util/RowforgeError.h"

// A statement a read-only query will not run: it would change the database (or attach
// another file). The caller says how to allow changes (a toggle, --allow-writes).
class QueryRefused : public RowforgeError
{
public:
    using RowforgeError::RowforgeError;
};
