#include "RuleReader.h"

#include "util/RowforgeError.h"

#include <cmath>

RuleReader::RuleReader(const QJsonObject &json, int position, const QHash<QString, int> &index)
    : m_json(json), m_where(QStringLiteral("rules[%1]").arg(position)), m_index(index)
{}

void RuleReader::fail(const QString &key, const QString &problem) const
{
    throw RowforgeError(QStringLiteral("Recipe: %1.%2 %3").arg(m_where, key, problem));
}

QString RuleReader::text(const QString &key) const
{
    const QJsonValue value = m_json.value(key);
    if (!value.isString())
        fail(key, QStringLiteral("must be text"));
    return value.toString();
}

int RuleReader::column(const QString &name, const QString &key) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        fail(key, QStringLiteral("names \"%1\", which is not a column of the recipe").arg(name));
    return it.value();
}

std::pair<int, int> RuleReader::pair(const QString &key) const
{
    const QJsonArray array = m_json.value(key).toArray();
    if (array.size() != 2 || !array[0].isString() || !array[1].isString())
        fail(key, QStringLiteral("must list two column names"));
    const int a = column(array[0].toString(), key), b = column(array[1].toString(), key);
    if (a == b)
        fail(key, QStringLiteral("must name two different columns"));
    return {a, b};
}

QJsonObject RuleReader::object(const QString &key) const
{
    if (!m_json.value(key).isObject())
        fail(key, QStringLiteral("must be an object"));
    return m_json.value(key).toObject();
}

double RuleReader::number(const QString &key) const
{
    const QJsonValue value = m_json.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        fail(key, QStringLiteral("must be a number"));
    return value.toDouble();
}

QJsonArray RuleReader::array(const QString &key) const
{
    if (!m_json.value(key).isArray())
        fail(key, QStringLiteral("must be a list"));
    return m_json.value(key).toArray();
}

QString RuleReader::format(const QString &key) const
{
    const QString value = text(key);
    if (value.isEmpty())
        fail(key, QStringLiteral("must be a date format"));
    return value;
}
