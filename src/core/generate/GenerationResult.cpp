#include "GenerationResult.h"

#include <QJsonArray>
#include <QLocale>

QString GenerationResult::summary() const
{
    const QLocale locale;
    QString source = provider;
    if (!model.isEmpty())
        source += u' ' + model;
    if (recipeGiven)
        source = QStringLiteral("your recipe");
    else if (mode == QLatin1String("recipe"))
        source += recipeFromCache ? QStringLiteral(" recipe (cached)") : QStringLiteral(" recipe");
    QString text = QStringLiteral("Added %1 %2 to %3 · %4 · %5 s")
                       .arg(locale.toString(inserted),
                            inserted == 1 ? QStringLiteral("row") : QStringLiteral("rows"), table,
                            source, locale.toString(seconds, 'f', seconds < 1 ? 2 : 1));
    if (inputTokens + outputTokens > 0)
        text += QStringLiteral(" · %1 tokens").arg(locale.toString(inputTokens + outputTokens));
    // Rows from a given recipe come from it, whatever the table holds.
    if (emptyTable && !recipeGiven)
        text += QStringLiteral(" · from the schema alone (the table was empty)");
    else if (onlyGenerated)
        text += QStringLiteral(" · learned from earlier generated rows (the table has no others)");
    else if (generatedLeftOut > 0)
        text += QStringLiteral(" · learned from real rows (%1 generated left out)")
                    .arg(locale.toString(generatedLeftOut));
    // Scores of a handful of rows are noise: say so rather than show a number.
    if (hasFidelity && fidelity.columnShapes() >= 0 && mode != QLatin1String("rows")) {
        if (fidelity.syntheticRows < FidelityReport::ReliableRows)
            text += QStringLiteral(" · too few rows to score fidelity");
        else
            text += QStringLiteral(" · fidelity %1")
                        .arg(locale.toString(fidelity.columnShapes(), 'f', 2));
        // A table with one comparable column has no pairs: "pairs 0.00" said they all broke.
        if (fidelity.syntheticRows >= FidelityReport::ReliableRows &&
            fidelity.columnPairTrends() >= 0) {
            text += QStringLiteral(" · pairs %1")
                        .arg(locale.toString(fidelity.columnPairTrends(), 'f', 2));
            // What as many real rows score: the mark a pair score is read against.
            if (fidelity.resampledPairs >= 0)
                text += QStringLiteral(" (real rows: %1)")
                            .arg(locale.toString(fidelity.resampledPairs, 'f', 2));
        }
        if (fidelity.ruleAdherence() >= 0)
            text += QStringLiteral(" · rules kept %1")
                        .arg(locale.toString(fidelity.ruleAdherence(), 'f', 2));
    }
    if (rejected > 0 && mode == QLatin1String("rows"))
        text += QStringLiteral(" · %1 rejected (%2)")
                    .arg(QString::number(rejected), rejectionReasons.value(0));
    if (inserted < requested)
        text += QStringLiteral(" · %1 of %2 asked for").arg(inserted).arg(requested);
    return text;
}

QJsonObject GenerationResult::toJson() const
{
    QJsonObject json{
        {QStringLiteral("table"), table},
        {QStringLiteral("requested"), requested},
        {QStringLiteral("inserted"), inserted},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("rejection_reasons"), QJsonArray::fromStringList(rejectionReasons)},
        {QStringLiteral("provider"), provider},
        {QStringLiteral("model"), model},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("input_tokens"), inputTokens},
        {QStringLiteral("output_tokens"), outputTokens},
        {QStringLiteral("seconds"), qRound(seconds * 1000) / 1000.0}};
    if (hasFidelity)
        json.insert(QStringLiteral("fidelity"), fidelity.toJson());
    return json;
}
