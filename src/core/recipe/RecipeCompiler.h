#pragma once

#include "CompiledRecipe.h"
#include "ParentKeys.h"
#include "db/TableInfo.h"

#include <QJsonObject>
#include <functional>

// Checks a recipe against its documented format (docs/recipes.md) and the table's schema, and
// turns it into generators. Every problem is a RowforgeError naming the place:
// `Recipe: columns.age.quantiles must be in ascending order`.
class RecipeCompiler
{
public:
    static constexpr const char *Format = "rowforge-recipe/1";
    // Loads a foreign key's parent keys with the parent columns rules compare with (filled in
    // that order), and the children each parent has when `likeExisting`.
    using ParentLoader = std::function<std::shared_ptr<ParentKeys>(
        const ForeignKey &, const QStringList &parentColumns, bool likeExisting)>;

    // Without a loader, foreign keys get no parent keys: enough to validate, not to run.
    static CompiledRecipe compile(const QJsonObject &recipe, const TableInfo &table,
                                  const ParentLoader &loadParents = {});
    // Which foreign key a column's parents are kept under (the columns of a composite key
    // share them).
    static QString parentsId(const ForeignKey &key);
    static void validate(const QJsonObject &recipe, const TableInfo &table)
    {
        compile(recipe, table);
    }
    static QStringList generatorNames();
    // The columns a recipe must describe: every column SQLite does not fill itself.
    static QStringList generatedColumns(const TableInfo &table);
};
