#pragma once

#include "recipe/RecipeCompiler.h"

#include <QJsonObject>

// A recipe of these column entries, in the current format, written briefly in tests.
class RecipeJson
{
public:
    static QJsonObject of(const QJsonObject &columns)
    {
        return QJsonObject{{QStringLiteral("format"), QLatin1String(RecipeCompiler::Format)},
                           {QStringLiteral("columns"), columns}};
    }
};
