#pragma once

#include "TempDatabase.h"

#include <QStringList>

// A shop's orders table for generation tests: every kind of column and constraint the engine
// must respect (UNIQUE code, FOREIGN KEY, CHECK, NULLs, a city with its country, an end date
// after its start), filled with seeded rows.
class ShopTable
{
public:
    static QStringList schema();
    static void seed(TempDatabase &temp, int rows);
};
