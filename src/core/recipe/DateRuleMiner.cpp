#include "DateRuleMiner.h"

#include "RuleMiner.h"

#include <QDateTime>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace {
using Column = MinedColumn;
using Kind = MinedColumn::Kind;
} // namespace

void DateRuleMiner::dates(const QStringList &names, const std::vector<Column> &columns,
                          QJsonArray &rules)
{
    for (int c = 0; c < int(columns.size()); ++c) {
        const Column &column = columns[size_t(c)];
        if (column.kind != Kind::Date)
            continue;
        rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("parses")},
                             {QStringLiteral("column"), names[c]},
                             {QStringLiteral("format"), column.format}};
        qint64 count = 0;
        bool year = true, month = true, day = true, hour = true, minute = true, weekdays = true;
        for (const double seconds : column.value) {
            if (std::isnan(seconds))
                continue;
            ++count;
            const QDateTime moment =
                QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC);
            const QDate date = moment.date();
            const QTime time = moment.time();
            minute = minute && time.second() == 0 && time.msec() == 0;
            hour = hour && minute && time.minute() == 0;
            day = day && hour && time.hour() == 0;
            month = month && day && date.day() == 1;
            year = year && month && date.month() == 1;
            weekdays = weekdays && date.dayOfWeek() <= 5;
        }
        if (count < RuleMiner::MinRows)
            continue;
        const QString &format = column.format;
        const bool hasTime = format.contains(u'H') || format.contains(u'h');
        const bool hasSeconds = format.contains(QLatin1String("ss"));
        QString unit;
        if (year)
            unit = QStringLiteral("year");
        else if (month)
            unit = QStringLiteral("month");
        else if (day && hasTime)
            unit = QStringLiteral("day");
        else if (hour && hasTime)
            unit = QStringLiteral("hour");
        else if (minute && hasSeconds)
            unit = QStringLiteral("minute");
        if (!unit.isEmpty())
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("granularity")},
                                 {QStringLiteral("column"), names[c]},
                                 {QStringLiteral("format"), format},
                                 {QStringLiteral("unit"), unit}};
        // Five weekdays in n dates by accident: (5/7)^n.
        if (weekdays && !year && !month && std::pow(5.0 / 7.0, double(count)) < RuleMiner::Chance)
            rules << QJsonObject{{QStringLiteral("rule"), QStringLiteral("weekdays")},
                                 {QStringLiteral("column"), names[c]},
                                 {QStringLiteral("format"), format}};
    }
}
