#pragma once

#include "db/TableInfo.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Words columns (towns, car names: many values made of observed words) drawn given a category of
// the same row whose values tell their words: a state's own towns, a country's own makes
// (ConditionalTableLearner::fitWords). Values made from another column ("starts_with") are left
// out: their words are that column's.
class GivenWordsLearner
{
public:
    static void link(const TableInfo &table, const QStringList &names,
                     const QList<QVariantList> &rows, QJsonObject &columns);
};
