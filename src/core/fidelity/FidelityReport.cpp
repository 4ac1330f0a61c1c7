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

double FidelityReport::columnPairTrends() const
{
    if (pairs.isEmpty())
        return -1;
    double sum = 0;
    for (const Pair &pair : pairs)
        sum += pair.score;
    return sum / double(pairs.size());
}

double FidelityReport::ruleAdherence() const
{
    if (rules.isEmpty())
        return -1;
    double sum = 0;
    for (const Rule &rule : rules)
        sum += rule.kept;
    return sum / double(rules.size());
}

QString FidelityReport::summary() const
{
    const QLocale locale;
    auto score = [&locale](double value) {
        return value < 0 ? QStringLiteral("n/a") : locale.toString(value, 'f', 2);
    };
    QString text =
        QStringLiteral("shapes %1 · pairs %2 · rules %3 · boundaries %4 · categories %5 · "
                       "nulls %6 · valid dates %7 · new rows %8 · duplicates %9")
            .arg(score(columnShapes()), score(columnPairTrends()), score(ruleAdherence()),
                 score(boundaryAdherence()), score(categoryAdherence()),
                 score(missingValueSimilarity()), score(validity), score(newRowSynthesis),
                 score(duplicateRate));
    if (resampledShapes >= 0)
        text += QStringLiteral(" · as many real rows drawn at random score shapes %1 · pairs %2")
                    .arg(score(resampledShapes), score(resampledPairs));
    if (privacy.tooClose())
        text += QStringLiteral(" · new rows are closer to real rows than real rows are to each "
                               "other (possible near-copies)");
    if (syntheticRows < ReliableRows)
        text += QStringLiteral(" · only %1 new rows: scores are rough (±%2)")
                    .arg(syntheticRows)
                    .arg(locale.toString(
                        1.0 / std::sqrt(double(std::max<qint64>(1, syntheticRows))), 'f', 2));
    return text;
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
    QJsonArray pairArray;
    for (const Pair &pair : pairs)
        pairArray << QJsonObject{
            {QStringLiteral("columns"), QJsonArray{pair.a, pair.b}},
            {QStringLiteral("metric"), pair.metric},
            {QStringLiteral("real"), std::round(pair.real * 10000) / 10000},
            {QStringLiteral("synthetic"), std::round(pair.synthetic * 10000) / 10000},
            {QStringLiteral("score"), rounded(pair.score)},
            {QStringLiteral("resampled_score"), rounded(pair.resampled)}};
    QJsonArray ruleArray;
    for (const Rule &rule : rules)
        ruleArray << QJsonObject{{QStringLiteral("rule"), rule.kind},
                                 {QStringLiteral("text"), rule.text},
                                 {QStringLiteral("kept"), rounded(rule.kept)},
                                 {QStringLiteral("broken_rows"), rule.broken}};
    QJsonArray childArray;
    for (const Children &child : children)
        childArray << QJsonObject{
            {QStringLiteral("child_table"), child.table},
            {QStringLiteral("foreign_key"), child.key},
            {QStringLiteral("ks_complement"), rounded(child.shape)},
            {QStringLiteral("zero_share_real"), rounded(child.realZeroShare)},
            {QStringLiteral("zero_share_new"), rounded(child.syntheticZeroShare)},
            {QStringLiteral("mean_real"), rounded(child.realMean)},
            {QStringLiteral("mean_new"), rounded(child.syntheticMean)},
            {QStringLiteral("parents_real"), child.realParents},
            {QStringLiteral("parents_new"), child.syntheticParents}};
    QJsonObject json{
        {QStringLiteral("real_rows"), realRows},
        {QStringLiteral("reliable"), syntheticRows >= ReliableRows},
        {QStringLiteral("column_pair_trends"), rounded(columnPairTrends())},
        {QStringLiteral("rule_adherence"), rounded(ruleAdherence())},
        {QStringLiteral("validity"), rounded(validity)},
        {QStringLiteral("dcr_median"), rounded(privacy.syntheticMedian)},
        {QStringLiteral("real_nn_median"), rounded(privacy.realMedian)},
        {QStringLiteral("dcr_zero_share"), rounded(privacy.exactShare)},
        {QStringLiteral("too_close"), privacy.tooClose()},
        {QStringLiteral("pairs"), pairArray},
        {QStringLiteral("rules"), ruleArray},
        {QStringLiteral("synthetic_rows"), syntheticRows},
        {QStringLiteral("column_shapes"), rounded(columnShapes())},
        {QStringLiteral("resampled_real"),
         QJsonObject{{QStringLiteral("column_shapes"), rounded(resampledShapes)},
                     {QStringLiteral("column_pair_trends"), rounded(resampledPairs)}}},
        {QStringLiteral("boundary_adherence"), rounded(boundaryAdherence())},
        {QStringLiteral("category_adherence"), rounded(categoryAdherence())},
        {QStringLiteral("missing_value_similarity"), rounded(missingValueSimilarity())},
        {QStringLiteral("new_row_synthesis"), rounded(newRowSynthesis)},
        {QStringLiteral("duplicate_rate"), rounded(duplicateRate)},
        {QStringLiteral("columns"), columnArray}};
    if (!childArray.isEmpty())
        json.insert(QStringLiteral("children_per_parent"), childArray);
    return json;
}
