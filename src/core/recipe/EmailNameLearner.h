#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantList>

// Finds e-mail columns whose addresses are made from a person's name in other columns
// (olivia.smith@, osmith@, olivia42@) and adds "names" to their recipe entry: the two name
// columns, the share of addresses made that way and the patterns with their frequencies.
class EmailNameLearner
{
public:
    static constexpr double MinShare = 0.2;
    static void link(const QStringList &names, const QList<QVariantList> &rows,
                     QJsonObject &columns);
    // The patterns tried, in the "names" notation of docs/recipes.md.
    static const QStringList &patterns();
    // The local part `pattern` makes of two names, digits written as '#'.
    static QByteArray apply(const QString &pattern, const QByteArray &first,
                            const QByteArray &last);
};
