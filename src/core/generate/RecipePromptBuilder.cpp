#include "RecipePromptBuilder.h"

#include "PromptBuilder.h"
#include "recipe/RecipeCompiler.h"

#include <QFile>
#include <QJsonArray>

QString RecipePromptBuilder::catalogue()
{
    QFile file(QStringLiteral(":/docs/recipes.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QJsonObject RecipePromptBuilder::recipeSchema(const QStringList &columns)
{
    QJsonObject columnSchema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("generator"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("enum"),
                                   QJsonArray::fromStringList(RecipeCompiler::generatorNames())}}},
                     {QStringLiteral("null_rate"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                  {QStringLiteral("minimum"), 0},
                                  {QStringLiteral("maximum"), 1}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("generator")}}};
    QJsonObject properties;
    for (const QString &column : columns)
        properties.insert(column, columnSchema);
    // Rules that must hold in every row (docs/recipes.md): what a model knows of the domain
    // (an end after its start, a city's country) is kept exactly.
    const QJsonObject ruleSchema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("rule"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("rule")}}};
    QJsonObject top{
        {QStringLiteral("format"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("enum"), QJsonArray{QLatin1String(RecipeCompiler::Format)}}}},
        {QStringLiteral("table"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("columns"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                     {QStringLiteral("properties"), properties},
                     {QStringLiteral("required"), QJsonArray::fromStringList(columns)}}},
        {QStringLiteral("rules"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                              {QStringLiteral("items"), ruleSchema}}}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), top},
                       {QStringLiteral("required"),
                        QJsonArray{QStringLiteral("format"), QStringLiteral("columns")}}};
}

LlmRequest RecipePromptBuilder::build(const GenerationContext &context,
                                      GenerationOptions::Share share, const QString &problem)
{
    LlmRequest request;
    request.system = QStringLiteral(
        "You design data generation recipes for Rowforge, a SQLite tool. A recipe describes, per "
        "column, a generator from a fixed catalogue with its parameters; Rowforge's engine then "
        "makes any number of realistic rows from it locally. Answer with the recipe JSON only.");
    QStringList parts = PromptBuilder::describe(context, share);
    parts << QStringLiteral("The recipe format and the generator catalogue:\n%1").arg(catalogue());
    parts << QStringLiteral(
                 "Write a recipe for table \"%1\" with one entry for each of these columns: %2.\n"
                 "Choose the generator that reproduces each column best: follow the formats, "
                 "ranges and frequencies of the profile, keep related columns consistent (choice "
                 "or words with given/by, after, copula for numbers that rise and fall together, "
                 "starts_with for text made from another column, template with given/by for codes "
                 "that begin as their category's do, choice with plus/offsets for a whole number "
                 "that is another plus a few offsets; rules such as order, differs, per and "
                 "determines for what holds in every row), use "
                 "foreign_key for columns that reference another "
                 "table (with after_parent rules for dates that follow the parent's), and use "
                 "null_rate only for nullable columns, about as often as observed.")
                 .arg(context.table.name, context.columns.join(QStringLiteral(", ")));
    if (!problem.isEmpty())
        parts << QStringLiteral("Your previous recipe was refused: %1. Send a corrected recipe.")
                     .arg(problem);
    request.user = parts.join(QStringLiteral("\n\n"));
    request.objectSchema = recipeSchema(context.columns);
    request.objectName = QStringLiteral("recipe");
    request.keyOrder = context.columns;
    return request;
}
