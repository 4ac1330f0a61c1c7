#pragma once

#include <QString>
#include <QStringList>

// A FOREIGN KEY constraint; columns and parentColumns pair up by position. parentColumns is
// filled with the parent's primary key when the constraint names none.
struct ForeignKey
{
    QStringList columns;
    QString parentTable;
    QStringList parentColumns;
    QString onUpdate;
    QString onDelete;
};
