#pragma once

#include "util/RowforgeError.h"

// Thrown when the user cancels a generation; the transaction is rolled back.
class GenerationCancelled : public RowforgeError
{
public:
    GenerationCancelled()
        : RowforgeError(QStringLiteral("Generation cancelled; nothing was written"))
    {}
};
