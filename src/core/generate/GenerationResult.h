#pragma once

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
    double seconds = 0;
    bool emptyTable = false;
    QList<qint64> rowids;               // of the inserted rows
    QStringList insertedColumns;        // the columns of insertedValues
    QList<QVariantList> insertedValues; // exactly as inserted, for Undo Generation
    QList<QJsonObject> validRows;       // the accepted rows (what --dry-run prints)

    QString summary() const;
    QJsonObject toJson() const;
};
