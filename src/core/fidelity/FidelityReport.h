#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// How closely new rows follow the existing ones, per column and for the table (SDMetrics
// definitions, shared/docs/fidelity-metrics.md). A score of -1 means "does not apply".
struct FidelityReport
{
    struct Column
    {
        QString name;
        QString kind;         // numeric, datetime, categorical, or other (identifiers, free text)
        double shape = -1;    // KSComplement or TVComplement
        double boundary = -1; // numeric and datetime
        double category = -1; // categorical
        double missing = 1;   // MissingValueSimilarity
        // A histogram of real vs generated: bin labels and each side's share per bin.
        QStringList bins;
        QList<double> realShares, syntheticShares;
    };

    // One pair of columns (Column Pair Trends): the relationship in the real and the new rows
    // (Pearson's r for "correlation", Cramér's V for "contingency") and the pair's score.
    struct Pair
    {
        QString a, b, metric;
        double real = 0, synthetic = 0, score = 1;
        double resampled = -1; // the score of as many real rows drawn again at random
    };
    // A rule that holds in every real row, and how many new rows keep it.
    struct Rule
    {
        QString kind, text;
        double kept = 1;   // share of new rows that keep it
        qint64 broken = 0; // new rows that break it
    };
    // Distance to the closest real record (DCR) of new rows, against the real rows' own
    // nearest-neighbour distances (each value scaled to [0, 1], averaged over columns).
    struct Privacy
    {
        double syntheticMedian = -1, realMedian = -1;
        double exactShare = 0; // new rows at distance 0 from a real row
        bool tooClose() const { return syntheticMedian >= 0 && syntheticMedian < 0.5 * realMedian; }
    };

    // How many children the new parents got through one foreign key, against the real parents
    // (several tables grown together; in the parent table's report).
    struct Children
    {
        QString table;     // the child table
        QString key;       // its foreign key columns, comma-separated
        double shape = -1; // KSComplement of children per parent, real parents vs new ones
        double realZeroShare = 0, syntheticZeroShare = 0; // parents without children
        double realMean = 0, syntheticMean = 0;
        qint64 realParents = 0, syntheticParents = 0;
    };

    QList<Column> columns;
    QList<Pair> pairs;
    QList<Rule> rules;
    QList<Children> children;
    Privacy privacy;
    double validity = -1; // share of new date values that parse in their column's layout
    qint64 realRows = 0, syntheticRows = 0;
    double newRowSynthesis = 1; // share of new rows that copy no existing row
    double duplicateRate = 0;   // share of new rows equal to another new row
    // What as many real rows, drawn again at random, score: how far from 1 chance alone keeps
    // shapes and pairs with this many rows (two columns of 200 values each make a contingency
    // table that 1,000 rows cannot fill, however faithful they are). -1 without new rows.
    double resampledShapes = -1, resampledPairs = -1;

    // Means over the columns a score applies to (-1 if none).
    double columnShapes() const;
    double boundaryAdherence() const;
    double categoryAdherence() const;
    double missingValueSimilarity() const;
    double columnPairTrends() const; // mean pair score, -1 without pairs
    double ruleAdherence() const;    // mean share kept over the rules, -1 without rules
    // Fewer new rows than this make every score rough; the summary says so.
    static constexpr qint64 ReliableRows = 100;
    QString summary() const;
    QJsonObject toJson() const;
};
