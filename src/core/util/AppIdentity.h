#pragma once

#include <QString>

// Names shared by the GUI and the CLI so that both find the same settings and default
// database.
class AppIdentity
{
public:
    static void apply();
    static QString displayName() { return QStringLiteral("Rowforge"); }
};
