#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>
#include <QString>

// Recipes from an LLM, kept per database file, table and schema in the application's data
// folder (never in the user's database): the next run of the same table reuses it without a
// request. A changed schema gives a different key, so a stale recipe is never used.
class RecipeCache
{
public:
    explicit RecipeCache(QString directory = {}); // empty: <app data>/recipes

    QJsonObject load(const QString &databasePath, const TableInfo &table) const;
    void store(const QString &databasePath, const TableInfo &table,
               const QJsonObject &recipe) const;
    void remove(const QString &databasePath, const TableInfo &table) const;
    QString fileFor(const QString &databasePath, const TableInfo &table) const;

private:
    QString m_directory;
};
