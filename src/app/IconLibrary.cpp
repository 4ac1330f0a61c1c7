#include "IconLibrary.h"

#include <QHash>

QIcon IconLibrary::icon(Icon which)
{
    struct Source
    {
        const char *theme; // empty: always the bundled icon
        const char *file;
    };
    static const QHash<int, Source> sources{
        {App, {"", "rowforge"}},
        {Table, {"", "table"}},
        {View, {"", "view"}},
        {Column, {"", "column"}},
        {Key, {"", "key"}},
        {Index, {"", "index"}},
        {Trigger, {"", "trigger"}},
        {Import, {"document-import", "import"}},
        {Export, {"document-export", "export"}},
        {Generate, {"", "generate"}},
        {Delete, {"edit-delete", "delete"}},
        {Open, {"document-open", "database-open"}},
        {New, {"document-new", "database-new"}},
        {Refresh, {"view-refresh", "refresh"}},
    };
    static QHash<int, QIcon> cache;
    const auto cached = cache.constFind(which);
    if (cached != cache.constEnd())
        return *cached;
    const Source source = sources.value(which);
    const QIcon bundled(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(source.file)));
    const QIcon result =
        *source.theme ? QIcon::fromTheme(QLatin1String(source.theme), bundled) : bundled;
    cache.insert(which, result);
    return result;
}
