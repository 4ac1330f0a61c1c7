#pragma once

#include "util/RowforgeError.h"

// Thrown when the user cancels an export; no file is written.
class ExportCancelled : public RowforgeError
{
public:
    ExportCancelled() : RowforgeError(QStringLiteral("Export cancelled; no file was written")) {}
};
