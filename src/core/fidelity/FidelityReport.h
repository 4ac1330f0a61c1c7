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

    QList<Column> columns;
    qint64 realRows = 0, syntheticRows = 0;
    double newRowSynthesis = 1; // share of new rows that copy no existing row
    double duplicateRate = 0;   // share of new rows equal to another new row

    // Means over the columns a score applies to (-1 if none).
    double columnShapes() const;
    double boundaryAdherence() const;
    double categoryAdherence() const;
    double missingValueSimilarity() const;
    QString summary() const;
    QJsonObject toJson() const;
};
