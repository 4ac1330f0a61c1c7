#pragma once

#include "llm/LlmSettings.h"
#include "recipe/RecipeRun.h"

#include <QJsonObject>
#include <QStringList>
#include <atomic>
#include <functional>

// What Generate Data was asked to do.
struct GenerationOptions
{
    // Rows: the LLM writes every row. Recipe: the LLM writes a recipe once, the local engine
    // makes the rows. Offline: the local engine learns the recipe from the table itself.
    enum class Mode { Rows, Recipe, Offline };

    // What leaves the computer for a model, each level adding to the one before: the schema
    // (CREATE statement and constraints), statistics without stored values (null shares,
    // numeric ranges, formats, lengths), frequent values (and existing unique values and parent
    // keys), sample rows.
    enum class Share { Schema, Stats, Values, Rows };

    int rows = 10;
    int sampleSize = 10; // 1..100
    Share share = Share::Rows;
    bool dryRun = false; // generate and validate, insert nothing
    int maxFollowUps = 2;
    // Rows asked for in one request; wide tables get fewer, so that one answer fits the output
    // token limit (about MaxValuesPerRequest values).
    int rowsPerRequest = 50;
    static constexpr int MaxValuesPerRequest = 1500;
    static constexpr int MaxRowsFromLlm = 1000;
    static constexpr int MaxRows = 10000000;
    quint32 seed = 0; // 0: random
    LlmSettings llm;
    Mode mode = Mode::Rows;
    QJsonObject recipe;         // a recipe to run as given (edited by the user); empty: learn/ask
    bool useRecipeCache = true; // recipe mode: reuse the recipe cached for this table and schema
    QString recipeCacheDir;     // empty: the application's data folder
    // Which rows Rowforge generated (GeneratedRows): left out of learning unless the table has
    // no others, and this run's rows recorded. Empty: the application's data folder.
    QString generatedRowsFile;
    bool learnFromRealRows = true;
    bool fidelityReport = true;
    // Keep the inserted rows' values for Undo Generation (the GUI); the CLI has no undo.
    bool keepForUndo = true;
    // Set for one table of several grown at once (RelatedGeneration): the caller holds the
    // transaction and records the rows once it commits; new rows point at new parents first.
    bool partOfRelatedRun = false;
    QHash<QString, NewParents> newParents;
    std::function<void(qint64 done, qint64 total)> progress; // called on the worker thread
    const std::atomic<bool> *cancelled = nullptr;

    static QStringList modeNames()
    {
        return {QStringLiteral("rows"), QStringLiteral("recipe"), QStringLiteral("offline")};
    }
    static QString modeName(Mode mode) { return modeNames().at(int(mode)); }
    static QStringList shareNames()
    {
        return {QStringLiteral("schema"), QStringLiteral("stats"), QStringLiteral("values"),
                QStringLiteral("rows")};
    }
    // What `share` sends, in one sentence for people.
    static QString shareSentence(Share share)
    {
        switch (share) {
        case Share::Schema:
            return QStringLiteral("Only the table's schema (its CREATE statement and "
                                  "constraints) is sent, no values.");
        case Share::Stats:
            return QStringLiteral("The schema and statistics without stored values (null "
                                  "shares, numeric ranges, formats, lengths) are sent.");
        case Share::Values:
            return QStringLiteral("The schema, statistics and frequent values (also existing "
                                  "unique values and parent keys) are sent, no whole rows.");
        case Share::Rows:
            break;
        }
        return QStringLiteral("The schema, statistics, frequent values and a few sample rows "
                              "are sent.");
    }
    static Mode modeFromName(const QString &name)
    {
        return Mode(std::max<qsizetype>(0, modeNames().indexOf(name)));
    }
    // Offline when the provider is: there is no model to ask.
    Mode effectiveMode() const
    {
        return llm.provider == LlmSettings::Provider::Offline ? Mode::Offline : mode;
    }
};
