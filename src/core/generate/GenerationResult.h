#pragma once

#include "fidelity/FidelityReport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

// What a generation did: for the status bar, the CLI's --json and Undo Generation.
struct GenerationResult
{
    QString table;
    int requested = 0;
    int inserted = 0;
    int rejected = 0;
    QStringList rejectionReasons; // distinct reasons, most frequent first
    QString provider;
    QString model;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    int requests = 0;
    int truncatedAnswers = 0; // answers cut at the output token limit (their rows kept)
    double seconds = 0;
    bool emptyTable = false;
    QList<qint64> rowids;                  // of the inserted rows
    QStringList insertedColumns;           // the columns of insertedValues
    QList<QVariantList> insertedValues;    // exactly as inserted, for Undo Generation
    QList<QJsonObject> validRows;          // the accepted rows (what --dry-run prints)
    QString mode = QStringLiteral("rows"); // rows, recipe or offline
    QJsonObject recipe;                    // the recipe that made the rows (recipe, offline)
    bool recipeFromCache = false;
    bool recipeGiven = false; // the run used a recipe the person gave, not one learned or asked
    bool hasFidelity = false;
    FidelityReport fidelity;
    // The rows Rowforge generated before, left out of learning (GeneratedRows), and whether the
    // table held nothing else (then they were learned from after all).
    qint64 generatedLeftOut = 0;
    bool onlyGenerated = false;
    // Where this generation's rowids were recorded, for Undo Generation to forget them.
    QString generatedRowsFile;
    qint64 firstRowid = 0, lastRowid = -1;

    // Undo Generation needs every inserted row's values; huge runs keep only the first ones.
    bool undoable() const { return inserted > 0 && insertedValues.size() == inserted; }

    QString summary() const;
    QJsonObject toJson() const;
};
