#include "GeneratorSpec.h"

#include "util/RowforgeError.h"

#include <QDateTime>
#include <QJsonArray>
#include <cmath>

GeneratorSpec::GeneratorSpec(const QJsonObject &json, const QString &column,
                             const QHash<QString, int> &columnIndex)
    : m_json(json), m_column(column), m_columnIndex(columnIndex)
{}

void GeneratorSpec::fail(const QString &key, const QString &problem) const
{
    const QString where = key.isEmpty() ? QStringLiteral("columns.%1").arg(m_column)
                                        : QStringLiteral("columns.%1.%2").arg(m_column, key);
    throw RowforgeError(QStringLiteral("Recipe: %1 %2").arg(where, problem));
}

QJsonValue GeneratorSpec::require(const QString &key) const
{
    if (!m_json.contains(key))
        fail(key, QStringLiteral("is missing"));
    return m_json.value(key);
}

QString GeneratorSpec::generator() const
{
    return text(QStringLiteral("generator"));
}

QString GeneratorSpec::text(const QString &key) const
{
    const QJsonValue value = require(key);
    if (!value.isString())
        fail(key, QStringLiteral("must be text"));
    return value.toString();
}

QString GeneratorSpec::text(const QString &key, const QString &fallback) const
{
    return has(key) ? text(key) : fallback;
}

double GeneratorSpec::number(const QString &key, double min, double max) const
{
    const QJsonValue value = require(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        fail(key, QStringLiteral("must be a number"));
    const double number = value.toDouble();
    if (number < min || number > max)
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
    return number;
}

double GeneratorSpec::number(const QString &key, double min, double max, double fallback) const
{
    return has(key) ? number(key, min, max) : fallback;
}

qint64 GeneratorSpec::integer(const QString &key, qint64 min, qint64 max) const
{
    const double value = number(key, double(min), double(max));
    if (value != std::floor(value))
        fail(key, QStringLiteral("must be a whole number"));
    return qint64(value);
}

qint64 GeneratorSpec::integer(const QString &key, qint64 min, qint64 max, qint64 fallback) const
{
    return has(key) ? integer(key, min, max) : fallback;
}

bool GeneratorSpec::boolean(const QString &key, bool fallback) const
{
    if (!has(key))
        return fallback;
    const QJsonValue value = m_json.value(key);
    if (!value.isBool())
        fail(key, QStringLiteral("must be true or false"));
    return value.toBool();
}

QList<QPair<QJsonValue, double>> GeneratorSpec::weighted(const QString &key) const
{
    return weighted(require(key), key);
}

QList<QPair<QJsonValue, double>> GeneratorSpec::weighted(const QJsonValue &value,
                                                         const QString &key) const
{
    if (!value.isArray() || value.toArray().isEmpty())
        fail(key, QStringLiteral("must be a non-empty list of {\"value\", \"weight\"} objects"));
    QList<QPair<QJsonValue, double>> items;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array[i].toObject();
        const QString where = QStringLiteral("%1[%2]").arg(key, QString::number(i));
        if (!item.contains(QLatin1String("value")))
            fail(where, QStringLiteral("needs a \"value\""));
        const QJsonValue weight = item.value(QLatin1String("weight"));
        if (!weight.isDouble() || !(weight.toDouble() > 0) || !std::isfinite(weight.toDouble()))
            fail(where, QStringLiteral("needs a \"weight\" above 0"));
        const QJsonValue itemValue = item.value(QLatin1String("value"));
        if (itemValue.isArray() || itemValue.isObject())
            fail(where, QStringLiteral("value must be text, a number, true/false or null"));
        items << qMakePair(itemValue, weight.toDouble());
    }
    return items;
}

bool GeneratorSpec::parseIsoSeconds(const QString &text, double *seconds)
{
    QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!moment.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return false;
        moment = date.startOfDay(Qt::UTC);
    }
    if (moment.timeSpec() == Qt::LocalTime)
        moment.setTimeSpec(Qt::UTC);
    *seconds = double(moment.toMSecsSinceEpoch()) / 1000.0;
    return true;
}

std::vector<double> GeneratorSpec::quantiles(const QString &key, bool dates) const
{
    const QJsonValue value = require(key);
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.size() < 2)
        fail(key, QStringLiteral("must list at least two values (the minimum and the maximum)"));
    std::vector<double> result;
    result.reserve(size_t(array.size()));
    for (const QJsonValue &item : array) {
        double number = 0;
        if (item.isDouble() && std::isfinite(item.toDouble()))
            number = item.toDouble();
        else if (!dates || !item.isString() || !parseIsoSeconds(item.toString(), &number))
            fail(key, dates ? QStringLiteral("must hold numbers or ISO 8601 dates")
                            : QStringLiteral("must hold numbers"));
        if (!result.empty() && number < result.back())
            fail(key, QStringLiteral("must be in ascending order"));
        result.push_back(number);
    }
    return result;
}

int GeneratorSpec::column(const QString &key) const
{
    const QString name = text(key);
    const auto it = m_columnIndex.constFind(name);
    if (it == m_columnIndex.constEnd())
        fail(key, QStringLiteral("names \"%1\", which is not a column of the recipe").arg(name));
    if (name == m_column)
        fail(key, QStringLiteral("cannot name its own column"));
    return it.value();
}

QJsonObject GeneratorSpec::object(const QString &key) const
{
    const QJsonValue value = require(key);
    if (!value.isObject())
        fail(key, QStringLiteral("must be an object"));
    return value.toObject();
}
