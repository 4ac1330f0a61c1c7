#include "ColumnContract.h"

#include "util/DateTimeFormats.h"

ColumnContract ColumnContract::of(const ColumnInfo &column, const ColumnProfile *profile)
{
    ColumnContract contract;
    contract.nullable = !column.notNull;
    const QString declared = column.declaredType.toUpper();
    const bool boolean = declared.contains(QLatin1String("BOOL"));
    const bool hasValues = profile && profile->values > 0 && profile->nullFraction < 1;
    if (hasValues) {
        if (profile->numeric && profile->integral) {
            contract.type = QStringLiteral("integer");
            if (boolean && profile->min >= 0 && profile->max <= 1)
                contract.choices = QJsonArray{0, 1};
        } else if (profile->numeric) {
            contract.type = QStringLiteral("number");
        } else {
            contract.type = QStringLiteral("string");
            contract.dateLayout = profile->dateLayout;
        }
        return contract;
    }
    // An empty table: the declared type, read as people write it.
    if (boolean) {
        contract.type = QStringLiteral("integer");
        contract.choices = QJsonArray{0, 1};
    } else if (declared.contains(QLatin1String("DATE")) ||
               declared.contains(QLatin1String("TIMESTAMP"))) {
        contract.type = QStringLiteral("string");
        contract.dateLayout = declared.contains(QLatin1String("TIME"))
                                  ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                  : QStringLiteral("yyyy-MM-dd");
    } else if (column.affinity == SqlAffinity::Integer) {
        contract.type = QStringLiteral("integer");
    } else if (column.affinity == SqlAffinity::Real || column.affinity == SqlAffinity::Numeric) {
        contract.type = QStringLiteral("number");
    } else {
        contract.type = QStringLiteral("string");
    }
    return contract;
}

QJsonObject ColumnContract::schema() const
{
    QJsonObject schema{
        {QStringLiteral("type"),
         nullable ? QJsonValue(QJsonArray{type, QStringLiteral("null")}) : QJsonValue(type)}};
    if (!dateLayout.isEmpty())
        schema.insert(QStringLiteral("pattern"), DateTimeFormats::pattern(dateLayout));
    if (!choices.isEmpty()) {
        QJsonArray values = choices;
        if (nullable)
            values << QJsonValue(QJsonValue::Null);
        schema.insert(QStringLiteral("enum"), values);
    }
    return schema;
}
