#include "FidelityReport.h"

#include <QJsonArray>
#include <QLocale>
#include <cmath>

namespace {
template <typename Score> double meanOf(const QList<FidelityReport::Column> &columns, Score score)
{
    double sum = 0;
    int count = 0;
    for (const FidelityReport::Column &column : columns) {
        const double value = score(column);
        if (value >= 0) {
            sum += value;
            ++count;
        }
    }
    return count ? sum / count : -1;
}

QJsonValue rounded(double value)
{
    return value < 0 ? QJsonValue() : QJsonValue(std::round(value * 10000) / 10000);
}
} // namespace

double FidelityReport::columnShapes() const
{
    return meanOf(columns, [](const Column &c) { return c.shape; });
}

double FidelityReport::boundaryAdherence() const
{
    return meanOf(columns, [](const Column &c) { return c.boundary; });
}

double FidelityReport::categoryAdherence() const
{
    return meanOf(columns, [](const Column &c) { return c.category; });
}

double FidelityReport::missingValueSimilarity() const
{
    return meanOf(columns, [](const Column &c) { return c.missing; });
}

QString FidelityReport::summary() const
{
    const QLocale locale;
    auto score = [&locale](double value) {
        return value < 0 ? QStringLiteral("n/a") : locale.toString(value, 'f', 2);
    };
    return QStringLiteral("shapes %1 · boundaries %2 · categories %3 · nulls %4 · new rows %5 · "
                          "duplicates %6")
        .arg(score(columnShapes()), score(boundaryAdherence()), score(categoryAdherence()),
             score(missingValueSimilarity()), score(newRowSynthesis), score(duplicateRate));
}

QJsonObject FidelityReport::toJson() const
{
    QJsonArray columnArray;
    for (const Column &column : columns) {
        QJsonObject entry{{QStringLiteral("column"), column.name},
                          {QStringLiteral("kind"), column.kind},
                          {QStringLiteral("shape"), rounded(column.shape)},
                          {QStringLiteral("boundary_adherence"), rounded(column.boundary)},
                          {QStringLiteral("category_adherence"), rounded(column.category)},
                          {QStringLiteral("missing_value_similarity"), rounded(column.missing)}};
        columnArray << entry;
    }
    return QJsonObject{
        {QStringLiteral("real_rows"), realRows},
        {QStringLiteral("synthetic_rows"), syntheticRows},
        {QStringLiteral("column_shapes"), rounded(columnShapes())},
        {QStringLiteral("boundary_adherence"), rounded(boundaryAdherence())},
        {QStringLiteral("category_adherence"), rounded(categoryAdherence())},
        {QStringLiteral("missing_value_similarity"), rounded(missingValueSimilarity())},
        {QStringLiteral("new_row_synthesis"), rounded(newRowSynthesis)},
        {QStringLiteral("duplicate_rate"), rounded(duplicateRate)},
        {QStringLiteral("columns"), columnArray}};
}
