#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Text of many values drawn given a category of the same row whose values tell it: words
// (towns, car names) from a state's own towns or a country's own makes
// (ConditionalTableLearner::fitWords), and codes from a state's own templates, so that a ZIP
// code begins as its state's do (fitCodes). Values made from another column ("starts_with") are
// left out: their words are that column's.
class GivenTextLearner
{
public:
    static void link(const TableInfo &table, const QStringList &names,
                     const QList<QVariantList> &rows, QJsonObject &columns);
};
