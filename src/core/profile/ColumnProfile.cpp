#include "ColumnProfile.h"

#include <QJsonArray>

QJsonObject ColumnProfile::toJson() const
{
    QJsonObject json{{QStringLiteral("column"), name},
                     {QStringLiteral("null_fraction"), qRound(nullFraction * 1000) / 1000.0},
                     {QStringLiteral("distinct_values"), distinct}};
    if (numeric) {
        json.insert(QStringLiteral("min"), min);
        json.insert(QStringLiteral("max"), max);
        json.insert(QStringLiteral("mean"), qRound64(mean * 1000) / 1000.0);
        json.insert(QStringLiteral("whole_numbers"), integral);
        if (decimals > 0)
            json.insert(QStringLiteral("decimal_places"), decimals);
    } else if (maxLength > 0) {
        json.insert(QStringLiteral("length"), QJsonArray{minLength, maxLength});
    }
    if (!format.isEmpty())
        json.insert(QStringLiteral("format"), format);
    if (!dateLayout.isEmpty())
        json.insert(QStringLiteral("layout"), dateLayout);
    if (!topValues.isEmpty()) {
        QJsonObject frequencies;
        for (const auto &[value, count] : topValues)
            frequencies.insert(value, qRound(double(count) / double(values) * 1000) / 1000.0);
        json.insert(QStringLiteral("value_frequencies"), frequencies);
    }
    return json;
}
