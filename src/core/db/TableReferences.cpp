#include "TableReferences.h"

#include <QLocale>

QList<TableReferences::Reference> TableReferences::to(const QList<TableInfo> &schema,
                                                      const QString &table)
{
    QList<Reference> references;
    for (const TableInfo &child : schema) {
        if (child.kind != TableInfo::Table || child.name.compare(table, Qt::CaseInsensitive) == 0)
            continue; // a table's references to itself go with it
        for (const ForeignKey &key : child.foreignKeys) {
            if (key.parentTable.compare(table, Qt::CaseInsensitive) == 0)
                references.append({child.name, key});
        }
    }
    return references;
}

QStringList TableReferences::consequences(const QList<Reference> &references,
                                          const std::function<qint64(const QString &)> &childRows)
{
    QStringList lines;
    for (const Reference &reference : references) {
        const QString action = reference.key.onDelete.isEmpty() ? QStringLiteral("NO ACTION")
                                                                : reference.key.onDelete.toUpper();
        const qint64 rows = childRows ? childRows(reference.childTable) : -1;
        const QString upTo =
            rows == 1   ? QStringLiteral("the 1 row of \"%1\"").arg(reference.childTable)
            : rows >= 0 ? QStringLiteral("up to %1 rows of \"%2\"")
                              .arg(QLocale().toString(rows), reference.childTable)
                        : QStringLiteral("the rows of \"%1\"").arg(reference.childTable);
        QString effect;
        if (action == QLatin1String("CASCADE"))
            effect = QStringLiteral("%1 that point here would be deleted too").arg(upTo);
        else if (action == QLatin1String("SET NULL"))
            effect = QStringLiteral("%1 that point here would lose their reference (set to NULL)")
                         .arg(upTo);
        else if (action == QLatin1String("SET DEFAULT"))
            effect = QStringLiteral("%1 that point here would be set to their default").arg(upTo);
        else
            effect = QStringLiteral("refused while any of %1 points here").arg(upTo);
        lines << QStringLiteral("\"%1\" (%2) references it, ON DELETE %3: %4.")
                     .arg(reference.childTable, reference.key.columns.join(QStringLiteral(", ")),
                          action, effect);
    }
    return lines;
}
