#pragma once

#include <QSqlDatabase>

// Creates the demo tables and fills them from the bundled resource :/demo/demo.json (made by
// resources/demo/make_demo.py), through the same insert path as imports.
class DemoSeeder
{
public:
    static void seed(QSqlDatabase &db);
};
