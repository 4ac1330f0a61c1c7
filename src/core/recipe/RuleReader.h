#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <utility>

// Reads one rule of a recipe's "rules" list for RuleSet::compile, failing with the rule's place
// and key ("Recipe: rules[2].column names \"x\", which is not a column of the recipe").
class RuleReader
{
public:
    RuleReader(const QJsonObject &json, int position, const QHash<QString, int> &index);
    [[noreturn]] void fail(const QString &key, const QString &problem) const;
    QString text(const QString &key) const;
    // The position of the column `name` (given at `key`) in the recipe's rows.
    int column(const QString &name, const QString &key) const;
    int column(const QString &key) const { return column(text(key), key); }
    // Two different columns listed at `key`.
    std::pair<int, int> pair(const QString &key) const;
    QJsonObject object(const QString &key) const;
    double number(const QString &key) const; // finite
    QJsonArray array(const QString &key) const;
    QString format(const QString &key) const; // a date format: text, not empty

private:
    QJsonObject m_json;
    QString m_where;
    const QHash<QString, int> &m_index;
};
