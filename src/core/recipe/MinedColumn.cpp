#include "MinedColumn.h"

#include "RecipeValue.h"
#include "util/DateTimeFormats.h"

#include <QSet>
#include <algorithm>
#include <cmath>

std::vector<MinedColumn> MinedColumn::describe(const QStringList &names,
                                               const QList<QVariantList> &rows)
{
    std::vector<MinedColumn> columns(size_t(names.size()));
    for (int c = 0; c < names.size(); ++c) {
        MinedColumn &column = columns[size_t(c)];
        bool numbers = true;
        QStringList texts;
        QSet<QString> distinct;
        for (const QVariantList &row : rows) {
            const QVariant &v = row[c];
            column.null.push_back(v.isNull());
            column.text << (v.isNull() ? QString() : v.toString());
            if (v.isNull())
                continue;
            distinct.insert(column.text.last());
            const int type = v.typeId();
            if (type == QMetaType::QByteArray)
                numbers = false;
            else if (type != QMetaType::LongLong && type != QMetaType::Int &&
                     type != QMetaType::Double)
                numbers = false, texts << column.text.last();
        }
        column.distinct = int(distinct.size());
        if (distinct.isEmpty())
            continue;
        const qsizetype present =
            rows.size() - std::count(column.null.begin(), column.null.end(), true);
        column.category = column.distinct <= 50 && column.distinct * 2 <= present;
        if (numbers) {
            column.kind = Kind::Number;
            for (const QVariantList &row : rows) {
                const double v = row[c].isNull() ? std::nan("") : row[c].toDouble();
                column.value.push_back(v);
                if (!std::isnan(v))
                    column.decimals =
                        std::max(column.decimals, std::min(6, RecipeValue::decimalPlaces(v)));
            }
            continue;
        }
        column.kind = Kind::Text;
        if (texts.size() < present)
            continue; // blobs
        const QString format = DateTimeFormats::detect(texts);
        if (format.isEmpty())
            continue;
        std::vector<double> seconds;
        bool all = true;
        for (qsizetype r = 0; r < rows.size() && all; ++r) {
            double s = std::nan("");
            if (!column.null[size_t(r)] && !DateTimeFormats::parse(column.text[r], format, &s))
                all = false;
            seconds.push_back(s);
        }
        if (all) {
            column.kind = Kind::Date;
            column.format = format;
            column.value = std::move(seconds);
        }
    }
    return columns;
}
