#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// What a column's values look like: the facts a prompt (or the offline generator) needs to
// produce more values like them, beyond what ten sample rows can show.
struct ColumnProfile
{
    QString name;
    QString declaredType;
    qint64 values = 0; // rows looked at
    double nullFraction = 0;
    qint64 distinct = 0;
    bool numeric = false; // every non-null value is a number
    bool integral = false;
    double min = 0, max = 0, mean = 0;
    int decimals = -1; // the same number of decimal places everywhere, or -1
    int minLength = 0, maxLength = 0;
    QList<QPair<QString, qint64>> topValues; // most frequent first, for low-cardinality columns
    QString format;     // email, url, uuid, date, datetime, phone, postal code, or empty
    QString dateLayout; // the Qt date format of date and time text (yyyy-MM-dd), or empty

    QJsonObject toJson() const;
};
