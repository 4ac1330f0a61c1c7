#pragma once

#include <QString>

// The database Rowforge opens when given none: rowforge.sqlite in the app's data folder,
// created and seeded with the demo tables on first use.
class DefaultDatabase
{
public:
    static QString path();
    // Creates and seeds the database if it does not exist yet; returns its path.
    static QString ensure();
};
