#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <initializer_list>
#include <utility>

// A recipe's weighted list, [{"value": v, "weight": w}, ...], written briefly in tests.
class WeightedList
{
public:
    static QJsonArray of(std::initializer_list<std::pair<QJsonValue, double>> items)
    {
        QJsonArray array;
        for (const auto &[value, weight] : items)
            array << QJsonObject{{QStringLiteral("value"), value},
                                 {QStringLiteral("weight"), weight}};
        return array;
    }
};
