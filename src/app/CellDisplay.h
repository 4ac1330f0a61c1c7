#pragma once

#include <QString>
#include <QVariant>

// How a stored value looks in a grid cell, the same in the table view and in query results:
// NULL as NULL, a BLOB by its size, a whole REAL with ".0" (0.0 is not the INTEGER 0), long
// text cut and its line breaks shown.
class CellDisplay
{
public:
    static QString text(const QVariant &value);
    // Qt::FontRole, ForegroundRole, TextAlignmentRole: NULL and BLOBs greyed and italic,
    // numbers to the right.
    static QVariant style(const QVariant &value, int role);
};
