#include "TextRecipeLearner.h"

#include "WordChainLearner.h"

#include <QRegularExpression>
#include <algorithm>

namespace {
constexpr int MaxPool = 5000;

QJsonObject entry(const QString &generator)
{
    return QJsonObject{{QStringLiteral("generator"), generator}};
}
} // namespace

QJsonArray TextRecipeLearner::weighted(const QHash<QString, qint64> &counts, int limit)
{
    QList<QPair<qint64, QString>> ranked;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        ranked << qMakePair(-it.value(), it.key());
    std::sort(ranked.begin(), ranked.end());
    QJsonArray array;
    for (const auto &[count, value] : ranked.mid(0, limit))
        array << QJsonObject{{QStringLiteral("value"), value},
                             {QStringLiteral("weight"), double(-count)}};
    return array;
}

QJsonArray TextRecipeLearner::weighted(const QHash<QString, qint64> &counts,
                                       const QHash<QString, QJsonValue> &originals, int limit)
{
    QJsonArray array;
    for (const QJsonValue &item : weighted(counts, limit)) {
        QJsonObject entry = item.toObject();
        entry.insert(QStringLiteral("value"),
                     originals.value(entry.value(QLatin1String("value")).toString()));
        array << entry;
    }
    return array;
}

QJsonArray TextRecipeLearner::weightedNumbers(const QHash<int, qint64> &counts)
{
    QList<int> keys = counts.keys();
    std::sort(keys.begin(), keys.end());
    QJsonArray array;
    for (const int key : keys)
        array << QJsonObject{{QStringLiteral("value"), key},
                             {QStringLiteral("weight"), double(counts.value(key))}};
    return array;
}

QJsonObject TextRecipeLearner::email(const QStringList &values)
{
    static const QRegularExpression tokenPattern(QStringLiteral("[^\\W\\d_]+"));
    static const QRegularExpression separatorPattern(QStringLiteral("[^\\w]|_"));
    QHash<QString, qint64> tokens, domains, separators;
    QHash<int, qint64> parts;
    qint64 withDigits = 0;
    for (const QString &value : values) {
        const qsizetype at = value.lastIndexOf(u'@');
        const QString local = value.left(at).toLower();
        ++domains[value.mid(at + 1).toLower()];
        int count = 0;
        for (auto it = tokenPattern.globalMatch(local); it.hasNext(); ++count)
            ++tokens[it.next().captured()];
        ++parts[std::clamp(count, 1, 5)];
        const QRegularExpressionMatch separator = separatorPattern.match(local);
        if (count > 1)
            ++separators[separator.hasMatch() ? separator.captured() : QString()];
        if (std::any_of(local.begin(), local.end(), [](QChar c) { return c.isDigit(); }))
            ++withDigits;
    }
    if (tokens.isEmpty())
        tokens.insert(QStringLiteral("user"), 1);
    if (separators.isEmpty())
        separators.insert(QStringLiteral("."), 1);
    QJsonObject spec = entry(QStringLiteral("email"));
    spec.insert(QStringLiteral("tokens"), weighted(tokens, MaxPool));
    spec.insert(QStringLiteral("parts"), weightedNumbers(parts));
    spec.insert(QStringLiteral("separators"), weighted(separators, 10));
    spec.insert(QStringLiteral("digits_rate"),
                values.isEmpty() ? 0.0 : double(withDigits) / double(values.size()));
    spec.insert(QStringLiteral("domains"), weighted(domains, 500));
    return spec;
}

QJsonObject TextRecipeLearner::url(const QStringList &values)
{
    static const QRegularExpression slugSplit(QStringLiteral("[-_.]+"));
    QHash<QString, qint64> prefixes, tokens;
    QHash<int, qint64> parts;
    for (const QString &value : values) {
        const qsizetype schemeEnd = value.indexOf(QLatin1String("://"));
        const qsizetype slash = value.lastIndexOf(u'/');
        if (slash <= schemeEnd + 2) { // no path
            ++prefixes[value];
            ++parts[0];
            continue;
        }
        ++prefixes[value.left(slash + 1)];
        const QStringList slug = value.mid(slash + 1).split(slugSplit, Qt::SkipEmptyParts);
        ++parts[int(std::min<qsizetype>(slug.size(), 10))];
        for (const QString &token : slug)
            ++tokens[token];
    }
    QJsonObject spec = entry(QStringLiteral("url"));
    spec.insert(QStringLiteral("prefixes"), weighted(prefixes, 500));
    if (!tokens.isEmpty()) {
        spec.insert(QStringLiteral("tokens"), weighted(tokens, MaxPool));
        spec.insert(QStringLiteral("parts"), weightedNumbers(parts));
    }
    return spec;
}

QJsonObject TextRecipeLearner::words(const QStringList &values)
{
    constexpr int Positions = 3; // first word, second word, the rest
    QHash<QString, qint64> pools[Positions];
    QHash<int, qint64> counts;
    int maxLength = 0;
    QList<QStringList> split;
    split.reserve(values.size());
    for (const QString &value : values) {
        const QStringList words = value.split(u' ', Qt::SkipEmptyParts);
        if (!words.isEmpty())
            split << words;
        ++counts[int(std::clamp<qsizetype>(words.size(), 1, 1000))];
        for (qsizetype i = 0; i < words.size(); ++i)
            ++pools[std::min<qsizetype>(i, Positions - 1)][words[i]];
        maxLength = std::max(maxLength, int(value.size()));
    }
    QJsonArray poolArray;
    for (const auto &pool : pools) {
        if (!pool.isEmpty())
            poolArray << weighted(pool, MaxPool);
    }
    if (poolArray.isEmpty())
        poolArray << QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("text")},
                                            {QStringLiteral("weight"), 1}}};
    QJsonObject spec = entry(QStringLiteral("words"));
    spec.insert(QStringLiteral("pools"), poolArray);
    spec.insert(QStringLiteral("counts"),
                counts.isEmpty() ? QJsonArray{QJsonObject{{QStringLiteral("value"), 1},
                                                          {QStringLiteral("weight"), 1}}}
                                 : weightedNumbers(counts));
    if (maxLength > 0)
        spec.insert(QStringLiteral("max_length"), maxLength);
    const QJsonObject next = WordChainLearner::fit(split, Positions);
    if (!next.isEmpty())
        spec.insert(QStringLiteral("next"), next);
    return spec;
}

QString TextRecipeLearner::shapeOf(const QString &value)
{
    QString shape;
    shape.reserve(value.size());
    for (const QChar c : value) {
        if (c >= u'0' && c <= u'9')
            shape += u'9';
        else if (c >= u'A' && c <= u'Z')
            shape += u'A';
        else if (c >= u'a' && c <= u'z')
            shape += u'a';
        else if (c == u'\\')
            shape += QStringLiteral("\\\\");
        else
            shape += c;
    }
    return shape;
}

QJsonObject TextRecipeLearner::codeTemplate(const QStringList &values, bool unique)
{
    constexpr int MaxShapes = 20;
    constexpr int FixedFrom = 5; // a position is fixed only when this many values agree
    if (values.isEmpty())
        return {};
    QHash<QString, QStringList> byShape;
    qint64 withDigits = 0;
    for (const QString &value : values) {
        if (std::any_of(value.begin(), value.end(), [](QChar c) { return c.isDigit(); }))
            ++withDigits;
        byShape[shapeOf(value)] << value;
    }
    // Unique short codes of letters (airport codes, tickers) are codes too: a template of
    // their shapes makes new ones, where words would only repeat the taken ones.
    const bool shortCodes =
        unique && std::all_of(values.begin(), values.end(), [](const QString &v) {
            return !v.isEmpty() && v.size() <= 12 && !v.contains(u' ');
        });
    if (withDigits * 10 < values.size() * 9 && !shortCodes)
        return {};
    QList<QPair<qsizetype, QString>> ranked;
    for (auto it = byShape.constBegin(); it != byShape.constEnd(); ++it)
        ranked << qMakePair(-it.value().size(), it.key());
    std::sort(ranked.begin(), ranked.end());
    qsizetype covered = 0;
    QHash<QString, qint64> templates;
    for (const auto &[negativeCount, shape] : ranked.mid(0, MaxShapes)) {
        covered -= negativeCount;
        const QStringList &members = byShape.value(shape);
        QString pattern = shape;
        // Characters every member shares at a position stay literal: the "+1" of "+1 (555)
        // 123-4567", the "SKU-" of "SKU-0042". Positions are comparable only without escapes.
        if (members.size() >= FixedFrom && !shape.contains(u'\\')) {
            QString fixed;
            for (qsizetype i = 0; i < shape.size(); ++i) {
                const QChar first = members.first()[i];
                const bool same = std::all_of(members.begin(), members.end(),
                                              [&](const QString &m) { return m[i] == first; });
                const bool isClass = shape[i] == u'9' || shape[i] == u'A' || shape[i] == u'a';
                if (same && isClass && !(unique && shape[i] == u'9'))
                    fixed += QStringLiteral("\\") + first;
                else
                    fixed += shape[i];
            }
            pattern = fixed;
        }
        templates[pattern] += -negativeCount;
    }
    if (covered * 10 < values.size() * 9)
        return {};
    QJsonObject spec = entry(QStringLiteral("template"));
    spec.insert(QStringLiteral("templates"), weighted(templates, MaxShapes));
    return spec;
}
