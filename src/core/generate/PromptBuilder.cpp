#include "PromptBuilder.h"

#include "llm/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
constexpr int MaxSampleText = 200;

QJsonValue sampleValue(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue();
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QByteArray:
        return QJsonValue(); // BLOBs never leave the computer
    default: {
        // Long texts are cut: a sample shows a value's kind, not all of it.
        const QString text = value.toString();
        return text.size() > MaxSampleText ? text.left(MaxSampleText) + QStringLiteral("…") : text;
    }
    }
}
} // namespace

QHash<QString, ColumnContract> PromptBuilder::contractsOf(const GenerationContext &context)
{
    QHash<QString, ColumnContract> contracts;
    for (const QString &name : context.columns) {
        const auto profile =
            std::find_if(context.profiles.begin(), context.profiles.end(),
                         [&name](const ColumnProfile &p) { return p.name == name; });
        contracts.insert(
            name, ColumnContract::of(*context.table.column(name),
                                     profile == context.profiles.end() ? nullptr : &*profile));
    }
    return contracts;
}

QJsonObject PromptBuilder::rowSchema(const GenerationContext &context)
{
    QJsonObject properties;
    QJsonArray required;
    const QHash<QString, ColumnContract> contracts = contractsOf(context);
    for (const QString &name : context.columns) {
        properties.insert(name, contracts.value(name).schema());
        required << name;
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), required},
                       {QStringLiteral("additionalProperties"), false}};
}

QString PromptBuilder::constraintsInWords(const GenerationContext &context,
                                          GenerationOptions::Share share)
{
    const bool values = share >= GenerationOptions::Share::Values;
    QStringList lines;
    const TableInfo &table = context.table;
    const QStringList primaryKey = table.primaryKey();
    for (const ColumnInfo &column : table.columns) {
        if (column.rowidAlias)
            lines
                << QStringLiteral("- %1 is filled by the database: leave it out.").arg(column.name);
        else if (column.generated != ColumnInfo::NotGenerated)
            lines << QStringLiteral("- %1 is computed by the database: leave it out.")
                         .arg(column.name);
    }
    if (!primaryKey.isEmpty() &&
        !(primaryKey.size() == 1 && table.column(primaryKey.first())->rowidAlias))
        lines << QStringLiteral("- Primary key (%1): unique and not NULL.")
                     .arg(primaryKey.join(QStringLiteral(", ")));
    for (const QString &name : context.columns) {
        const ColumnInfo *column = table.column(name);
        if (column->notNull)
            lines << QStringLiteral("- %1 is NOT NULL: never null.").arg(name);
        if (values && context.uniqueValues.contains(name)) {
            lines << QStringLiteral("- %1 is UNIQUE; these values exist and must not be used: %2")
                         .arg(name,
                              QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(
                                                                  context.uniqueValues.value(name)))
                                                    .toJson(QJsonDocument::Compact)));
        } else if (context.uniqueCounts.contains(name) || context.uniqueValues.contains(name)) {
            lines << QStringLiteral("- %1 is UNIQUE and %2 values exist: make every value new and "
                                    "distinct (vary names, numbers and suffixes).")
                         .arg(name, QString::number(context.uniqueCounts.value(
                                        name, context.uniqueValues.value(name).size())));
        }
        for (const QString &check : column->checks)
            lines << QStringLiteral("- CHECK on %1: %2").arg(name, check);
    }
    for (const UniqueKey &key : table.uniqueKeys) {
        if (key.columns.size() > 1 && key.origin != UniqueKey::PrimaryKey)
            lines << QStringLiteral("- The combination (%1) is UNIQUE.")
                         .arg(key.columns.join(QStringLiteral(", ")));
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        if (!std::all_of(fk.columns.begin(), fk.columns.end(),
                         [&](const QString &c) { return context.columns.contains(c); })) {
            lines << QStringLiteral("- %1 is filled by Rowforge with existing keys of %2: leave "
                                    "it out.")
                         .arg(fk.columns.join(QStringLiteral(", ")), fk.parentTable);
            continue;
        }
        QString line =
            QStringLiteral("- FOREIGN KEY (%1) references %2 (%3): use only existing keys.")
                .arg(fk.columns.join(QStringLiteral(", ")), fk.parentTable,
                     fk.parentColumns.join(QStringLiteral(", ")));
        if (values && fk.columns.size() == 1 && context.parentKeys.contains(fk.columns.first()))
            line +=
                QStringLiteral(" Valid values include: %1.")
                    .arg(context.parentKeys.value(fk.columns.first()).join(QStringLiteral(", ")));
        lines << line;
    }
    for (const QString &check : table.tableChecks)
        lines << QStringLiteral("- CHECK: %1").arg(check);
    return lines.isEmpty() ? QStringLiteral("- none beyond the column types") : lines.join(u'\n');
}

LlmRequest PromptBuilder::build(const GenerationContext &context, int count,
                                GenerationOptions::Share share, const QStringList &problems,
                                const QHash<QString, QStringList> &used)
{
    LlmRequest request;
    request.system = QStringLiteral(
        "You generate realistic synthetic rows for a SQLite table. You answer with JSON only: an "
        "object {\"rows\": [...]} whose items have exactly the requested columns. Every row must "
        "satisfy every constraint of the schema.");
    QStringList parts = describe(context, share);
    parts << QStringLiteral(
                 "Generate %1 new rows with exactly these columns: %2.\n"
                 "Rules: follow the formats and distributions above; keep realistic relationships "
                 "between columns (a city with its country, an end after its start); never copy an "
                 "existing or sample row; use null only where allowed and about as often as "
                 "observed.")
                 .arg(count)
                 .arg(context.columns.join(QStringLiteral(", ")));
    if (!problems.isEmpty())
        parts << QStringLiteral(
                     "Your previous rows were rejected for these reasons; avoid them:\n- %1")
                     .arg(problems.join(QStringLiteral("\n- ")));
    // Uniqueness across requests: each request knows what the earlier ones already used.
    QStringList usedLines;
    for (const QString &column : context.columns) {
        const QStringList values = used.value(column);
        if (values.isEmpty())
            continue;
        usedLines << QStringLiteral("- %1: %2")
                         .arg(column, QString::fromUtf8(
                                          QJsonDocument(QJsonArray::fromStringList(
                                                            values.mid(std::max<qsizetype>(
                                                                0, values.size() - MaxUsedValues))))
                                              .toJson(QJsonDocument::Compact)));
    }
    if (!usedLines.isEmpty())
        parts << QStringLiteral("These UNIQUE values were already used by your earlier rows; do "
                                "not use them again:\n%1")
                     .arg(usedLines.join(u'\n'));
    request.user = parts.join(QStringLiteral("\n\n"));
    request.rowSchema = rowSchema(context);
    request.keyOrder = context.columns;
    return request;
}

QStringList PromptBuilder::describe(const GenerationContext &context,
                                    GenerationOptions::Share share)
{
    using Share = GenerationOptions::Share;
    QStringList parts;
    parts << QStringLiteral("Table schema:\n%1").arg(context.table.sql);
    parts << QStringLiteral("Constraints:\n%1").arg(constraintsInWords(context, share));
    if (share == Share::Schema) {
        parts << QStringLiteral("No values of the table are shared: infer realistic values from "
                                "the schema and the column names.");
        return parts;
    }
    QJsonArray profiles;
    for (ColumnProfile profile : context.profiles) {
        if (!context.columns.contains(profile.name))
            continue;
        if (share < Share::Values)
            profile.topValues.clear(); // statistics only: no stored value
        profiles << profile.toJson();
    }
    parts << QStringLiteral("Column profile of the %1 existing rows (null fractions, ranges, "
                            "frequencies, formats):\n%2")
                 .arg(context.rowCount)
                 .arg(QString::fromUtf8(QJsonDocument(profiles).toJson(QJsonDocument::Compact)));
    if (context.rowCount == 0) {
        parts << QStringLiteral(
            "The table is empty: infer realistic values from the schema and the "
            "column names alone.");
    } else if (share == Share::Rows && !context.sampleRows.isEmpty()) {
        QJsonArray samples;
        for (const QVariantList &row : context.sampleRows) {
            QJsonObject object;
            for (int i = 0; i < context.sampleColumns.size(); ++i) {
                if (context.columns.contains(context.sampleColumns[i]))
                    object.insert(context.sampleColumns[i], sampleValue(row.value(i)));
            }
            samples << object;
        }
        parts << QStringLiteral("Sample rows:\n%1")
                     .arg(QString::fromUtf8(OrderedJson::write(samples, context.columns)));
    }
    return parts;
}
