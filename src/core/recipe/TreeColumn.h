#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariantList>
#include <vector>

// One column as the tree fitter sees it (TreeLearner, TreeFitter): a target kind, a predictor
// kind, and its values encoded.
struct TreeColumn
{
    enum class Kind { None, Categorical, Numeric, NullOnly };

    Kind target = Kind::None;
    bool numericPredictor = false, categoricalPredictor = false, dates = false, gaps = false;
    std::vector<double> number; // NaN for NULL (for "after": the gap to its base)
    // What the fitter splits a number on: its normal score (NaN for NULL). Ranks, not values:
    // a few million-death years would otherwise hide which kind of disaster kills more.
    std::vector<double> scores;
    std::vector<double> orderValue; // the value itself as a number, for numeric splits
    std::vector<int> code;          // category index, -1 for NULL
    QList<QJsonValue> categories;   // typed values by code
    int classes = 0;                // categories + 1 (NULL is a class of its own)
    std::vector<int> targetCode;    // the classes fitted on as a target
    int targetClasses = 0;
    // A date column also splits on its month, weekday and hour: parts that mean the same for
    // new dates past the last one (a series continues, its seasons repeat).
    bool seasonal = false, hasTime = false;
    QString part; // for those: "month", "weekday" or "hour" of the column

    // Column c of `rows` as its recipe entry `spec` (generator chosen) describes it; notNull:
    // the schema forbids NULL there.
    static TreeColumn encode(const QJsonObject &spec, const QList<QVariantList> &rows, int c,
                             const QHash<QString, int> &index, bool notNull);
    // The month (1-12), ISO weekday (1-7) and hour (0-23) of a date column, as predictors.
    static std::vector<TreeColumn> seasonsOf(const TreeColumn &date);
    static QString generatorOf(const QJsonObject &spec);
};
