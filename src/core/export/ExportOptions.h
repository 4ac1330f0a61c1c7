#pragma once

#include <QChar>
#include <QString>

// How a table is written as CSV. The defaults are what the importer reads back exactly:
// NULL is an empty unquoted field and the empty string is "".
struct ExportOptions
{
    QChar delimiter = u',';
    bool header = true;
    bool crlf = false;
    QString nullText; // written unquoted for NULL; a text value equal to it is quoted
    bool bom = false; // a UTF-8 BOM, for spreadsheet programs
};
