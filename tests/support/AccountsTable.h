#pragma once

#include "TempDatabase.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

// A table whose rows hold together the way real ones do: a plan drives the spend (free spends
// nothing), a status drives whether there is a ship date, low <= high, a city fixes its
// country and its phone prefix, total = qty * price, and the month is always the 1st.
class AccountsTable
{
public:
    static const char *const Schema;
    // Its columns but the key, in table order.
    static const QStringList &columns();
    static void seed(TempDatabase &temp, int rows, quint32 seed);
    // The values of `columns` in the rows of `table` that match `where`, in rowid order.
    static QList<QVariantList> rows(TempDatabase &temp, const QStringList &columns,
                                    const QString &where,
                                    const QString &table = QStringLiteral("accounts"));
};
