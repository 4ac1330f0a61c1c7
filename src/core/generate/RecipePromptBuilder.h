#pragma once

#include "GenerationOptions.h"
#include "llm/LlmRequest.h"
#include "profile/GenerationContext.h"

// Writes the recipe-mode request: the table in words (as for rows), the recipe format and
// generator catalogue (docs/recipes.md, built in), and the JSON schema of a recipe for this
// table. A follow-up says what was wrong with the last recipe.
class RecipePromptBuilder
{
public:
    static LlmRequest build(const GenerationContext &context, GenerationOptions::Share share,
                            const QString &problem = {});
    static QJsonObject recipeSchema(const QStringList &columns);
    static QString catalogue();
};
