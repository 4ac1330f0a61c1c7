#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Learns generators for text columns from their values: e-mail addresses, URLs, codes in a
// character-class template, and words (names, free text). Each returns a recipe column entry.
class TextRecipeLearner
{
public:
    static QJsonObject email(const QStringList &values);
    static QJsonObject url(const QStringList &values);
    static QJsonObject words(const QStringList &values);
    // Empty when the values are not codes of a few fixed shapes with digits in them. For a
    // unique column digits are never fixed: a code space of "SKU-1999" would run out.
    static QJsonObject codeTemplate(const QStringList &values, bool unique = false);

    // [{"value", "weight"}] from counts: most frequent first (ties by value, so that the same
    // data gives the same recipe), at most `limit` entries.
    static QJsonArray weighted(const QHash<QString, qint64> &counts, int limit);
    // The same with each value written as its typed original (`originals`: text → value), so
    // that a number stays a number.
    static QJsonArray weighted(const QHash<QString, qint64> &counts,
                               const QHash<QString, QJsonValue> &originals, int limit);
    static QJsonArray weightedNumbers(const QHash<int, qint64> &counts);
    // A value's shape: 9 for a digit, A and a for ASCII letters, \ before a literal 9, A, a, \.
    static QString shapeOf(const QString &value);
};
