#include "ColumnProfiler.h"

#include "RowSampler.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "util/DateTimeFormats.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

QList<ColumnProfile> ColumnProfiler::profile(QSqlDatabase &db, const TableInfo &table,
                                             QRandomGenerator &random)
{
    QList<const ColumnInfo *> columns;
    QStringList names;
    for (const ColumnInfo &column : table.columns) {
        if (!column.hidden) {
            columns << &column;
            names << column.name;
        }
    }
    // A random sample of at most SampleRows rows (the whole table when it is that small).
    const QList<QVariantList> rows = RowSampler::sample(db, table, SampleRows, random, names);
    QList<ColumnProfile> profiles;
    for (int c = 0; c < columns.size(); ++c) {
        QVariantList values;
        values.reserve(rows.size());
        for (const QVariantList &row : rows)
            values << row.value(c);
        profiles << profileValues(*columns[c], values);
    }
    return profiles;
}

ColumnProfile ColumnProfiler::profileValues(const ColumnInfo &column, const QVariantList &values)
{
    ColumnProfile profile;
    profile.name = column.name;
    profile.declaredType = column.declaredType;
    profile.values = values.size();
    qint64 nulls = 0;
    QHash<QString, qint64> counts;
    QStringList texts;
    bool numeric = true, integral = true;
    double sum = 0;
    int decimals = -2; // -2: none seen yet
    bool first = true;
    for (const QVariant &value : values) {
        if (value.isNull()) {
            ++nulls;
            continue;
        }
        const QString text = value.toString();
        ++counts[text];
        const int type = value.typeId();
        const bool isNumber =
            type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double;
        if (!isNumber) {
            numeric = false;
            texts << text;
        }
        if (first) {
            profile.minLength = profile.maxLength = int(text.size());
        } else {
            profile.minLength = std::min(profile.minLength, int(text.size()));
            profile.maxLength = std::max(profile.maxLength, int(text.size()));
        }
        if (isNumber) {
            const double number = value.toDouble();
            if (type == QMetaType::Double) {
                integral = false;
                const QString shortest =
                    QString::number(number, 'f', QLocale::FloatingPointShortest);
                const int places =
                    shortest.contains(u'.') ? int(shortest.size() - shortest.indexOf(u'.') - 1) : 0;
                decimals = decimals == -2 ? places : (decimals == places ? places : -1);
            }
            if (first || number < profile.min)
                profile.min = number;
            if (first || number > profile.max)
                profile.max = number;
            sum += number;
        }
        first = false;
    }
    const qint64 present = profile.values - nulls;
    profile.nullFraction = profile.values ? double(nulls) / double(profile.values) : 0;
    profile.distinct = counts.size();
    profile.numeric = numeric && present > 0;
    profile.integral = profile.numeric && integral;
    profile.mean = present ? sum / double(present) : 0;
    profile.decimals = decimals >= 0 ? decimals : -1;
    if (profile.distinct > 0 && profile.distinct <= LowCardinality &&
        profile.distinct < std::max<qint64>(2, present / 2)) {
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            profile.topValues << qMakePair(it.key(), it.value());
        std::sort(profile.topValues.begin(), profile.topValues.end(),
                  [](const auto &a, const auto &b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                  });
    }
    if (!profile.numeric) {
        profile.format = detectFormat(texts);
        profile.dateLayout = DateTimeFormats::detect(texts);
    }
    return profile;
}

QString ColumnProfiler::detectFormat(const QStringList &texts)
{
    if (texts.isEmpty())
        return {};
    // A few hundred values tell the format as well as thousands.
    constexpr qsizetype Enough = 200;
    if (texts.size() > Enough)
        return detectFormat(texts.mid(0, Enough));
    static const QList<QPair<QString, QRegularExpression>> formats{
        {QStringLiteral("email"),
         QRegularExpression(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))},
        {QStringLiteral("url"), QRegularExpression(QStringLiteral("^https?://\\S+$"))},
        {QStringLiteral("uuid"), QRegularExpression(QStringLiteral(
                                     "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                     "[0-9a-fA-F]{12}$"))},
        {QStringLiteral("datetime"),
         QRegularExpression(
             QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
                            "(Z|[+-]\\d{2}:?\\d{2})?$"))},
        {QStringLiteral("date"), QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"))},
        {QStringLiteral("postal code"),
         QRegularExpression(
             QStringLiteral("^(\\d{5}(-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})$"))},
        {QStringLiteral("phone"),
         QRegularExpression(QStringLiteral("^\\+?[\\d(][\\d\\s().-]{6,}\\d$"))},
    };
    for (const auto &format : formats) {
        const QRegularExpression &pattern = format.second;
        const auto matches =
            std::count_if(texts.begin(), texts.end(),
                          [&pattern](const QString &t) { return pattern.match(t).hasMatch(); });
        if (matches * 10 >= texts.size() * 9) // 90% of the values
            return format.first;
    }
    return {};
}
