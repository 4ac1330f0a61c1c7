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
        // "its rows that point here (3 at most)": the count is the child table's, an upper bound.
        const QString rowsHere = rows >= 0 ? QStringLiteral("its rows that point here (%1 at most)")
                                                 .arg(QLocale().toString(rows))
                                           : QStringLiteral("its rows that point here");
        QString effect;
        if (action == QLatin1String("CASCADE"))
            effect = QStringLiteral("%1 would be deleted too").arg(rowsHere);
        else if (action == QLatin1String("SET NULL"))
            effect = QStringLiteral("%1 would lose their reference (set to NULL)").arg(rowsHere);
        else if (action == QLatin1String("SET DEFAULT"))
            effect = QStringLiteral("%1 would be set to their default").arg(rowsHere);
        else
            effect = QStringLiteral("the delete is refused while any of %1 remain").arg(rowsHere);
        lines << QStringLiteral("\"%1\" (%2) references it, ON DELETE %3: %4.")
                     .arg(reference.childTable, reference.key.columns.join(QStringLiteral(", ")),
                          action, effect);
    }
    return lines;
}
