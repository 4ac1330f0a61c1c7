#include "SqlKeywords.h"

#include <sqlite3.h>

const QStringList &SqlKeywords::all()
{
    static const QStringList keywords = [] {
        QStringList words;
        for (int i = 0; i < sqlite3_keyword_count(); ++i) {
            const char *name = nullptr;
            int size = 0;
            if (sqlite3_keyword_name(i, &name, &size) == SQLITE_OK)
                words << QString::fromLatin1(name, size).toUpper();
        }
        words.sort();
        return words;
    }();
    return keywords;
}
