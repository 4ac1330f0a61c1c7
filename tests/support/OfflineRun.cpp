#include "OfflineRun.h"

#include "db/SchemaReader.h"
#include "recipe/RecipeLearner.h"

RecipeRunResult generateOffline(TempDatabase &temp, const QString &table, qint64 rows, quint32 seed)
{
    QRandomGenerator random(seed);
    const TableInfo info = SchemaReader::require(temp.db(), table);
    const QJsonObject recipe = RecipeLearner::learn(temp.db(), info, random);
    RecipeRunOptions options;
    options.rows = rows;
    return RecipeRunner::run(temp.db(), info, recipe, options, random);
}
