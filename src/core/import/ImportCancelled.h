#pragma once

#include "util/RowforgeError.h"

// Thrown when the user cancels an import; the transaction is rolled back.
class ImportCancelled : public RowforgeError
{
public:
    ImportCancelled() : RowforgeError(QStringLiteral("Import cancelled; nothing was written")) {}
};
