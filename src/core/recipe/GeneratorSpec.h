#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <vector>

// One column's entry of a recipe, read with checks: every accessor either returns a valid
// value or throws a RowforgeError that names the exact place and what is wrong, such as
// `Recipe: columns.age.quantiles must be ascending`. This is the recipe's validator.
class GeneratorSpec
{
public:
    GeneratorSpec(const QJsonObject &json, const QString &column,
                  const QHash<QString, int> &columnIndex);

    const QString &column() const { return m_column; }
    const QHash<QString, int> &columnIndex() const { return m_columnIndex; }
    QString generator() const;
    bool has(const QString &key) const { return m_json.contains(key); }

    QString text(const QString &key) const;
    QString text(const QString &key, const QString &fallback) const;
    double number(const QString &key, double min, double max) const;
    double number(const QString &key, double min, double max, double fallback) const;
    qint64 integer(const QString &key, qint64 min, qint64 max) const;
    qint64 integer(const QString &key, qint64 min, qint64 max, qint64 fallback) const;
    bool boolean(const QString &key, bool fallback) const;
    // [{"value": ..., "weight": w}, ...]: not empty, weights finite and > 0.
    QList<QPair<QJsonValue, double>> weighted(const QString &key) const;
    QList<QPair<QJsonValue, double>> weighted(const QJsonValue &value, const QString &key) const;
    // At least two ascending numbers, or dates and times as ISO 8601 text (read as seconds
    // since the epoch, UTC) when `dates` is set.
    std::vector<double> quantiles(const QString &key, bool dates) const;
    // The index of another column of the recipe that this key names.
    int column(const QString &key) const;
    QJsonObject object(const QString &key) const;
    // The raw value of a key that must be present.
    QJsonValue value(const QString &key) const { return require(key); }
    const QJsonObject &json() const { return m_json; }

    [[noreturn]] void fail(const QString &key, const QString &problem) const;

    // ISO 8601 date or date-time text as seconds since the epoch (UTC); false if it is not one.
    static bool parseIsoSeconds(const QString &text, double *seconds);

private:
    QJsonValue require(const QString &key) const;

    QJsonObject m_json;
    QString m_column;
    const QHash<QString, int> &m_columnIndex;
};
