#include "ColumnFilter.h"

#include <QStringList>

namespace {

// A number when the text is one (so that `> 9` is not text order, where "10" < "9").
QVariant typed(const QString &text)
{
    bool ok = false;
    const qlonglong integer = text.toLongLong(&ok);
    if (ok)
        return integer;
    const double real = text.toDouble(&ok);
    if (ok)
        return real;
    return text;
}

QString escapedLike(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'%', QStringLiteral("\\%"));
    text.replace(u'_', QStringLiteral("\\_"));
    return u'%' + text + u'%';
}

} // namespace

QString ColumnFilter::condition(const QString &column, const QString &text, QVariantList *bound)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return column + QStringLiteral(" IS NULL");
    if (trimmed.compare(QLatin1String("NOT NULL"), Qt::CaseInsensitive) == 0)
        return column + QStringLiteral(" IS NOT NULL");
    // Longest operators first: "<=" before "<", "<>" before "<".
    static const QStringList operators{
        QStringLiteral("<>"), QStringLiteral("!="), QStringLiteral(">="), QStringLiteral("<="),
        QStringLiteral("="),  QStringLiteral(">"),  QStringLiteral("<")};
    for (const QString &op : operators) {
        if (!trimmed.startsWith(op))
            continue;
        const QString value = trimmed.mid(op.size()).trimmed();
        *bound << typed(value);
        return QStringLiteral("%1 %2 ?").arg(column,
                                             op == QLatin1String("!=") ? QStringLiteral("<>") : op);
    }
    *bound << escapedLike(text.trimmed());
    return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
}
