#pragma once

#include <QIcon>

// Icons from the desktop theme when it has them, else the SVGs bundled in :/icons, so the
// toolbar never shows blank buttons on a machine without an icon theme.
class IconLibrary
{
public:
    enum Icon {
        App,
        Table,
        View,
        Column,
        Key,
        Index,
        Trigger,
        Import,
        Export,
        Generate,
        Delete,
        Open,
        New,
        Refresh
    };
    static QIcon icon(Icon which);
};
