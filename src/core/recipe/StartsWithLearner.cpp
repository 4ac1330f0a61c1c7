#include "StartsWithLearner.h"

#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

bool StartsWithLearner::startsWith(const QString &text, const QString &head)
{
    return head.size() >= 2 && text.startsWith(head) &&
           (text.size() == head.size() || !text[head.size()].isLetterOrNumber());
}

void StartsWithLearner::link(const TableInfo &table, const QStringList &names,
                             const QList<QVariantList> &rows, QJsonObject &columns)
{
    // Each column's text values (empty where NULL or not text).
    std::vector<QStringList> texts(size_t(names.size()));
    std::vector<bool> anyText(size_t(names.size()), false);
    for (int c = 0; c < names.size(); ++c) {
        QStringList &column = texts[size_t(c)];
        column.reserve(rows.size());
        for (const QVariantList &row : rows) {
            const bool text = row[c].typeId() == QMetaType::QString;
            column << (text ? row[c].toString() : QString());
            anyText[size_t(c)] = anyText[size_t(c)] || (text && !column.back().isEmpty());
        }
    }
    // A column made from another is not one that others are made from, nor the reverse: no
    // chains, no cycles.
    QSet<int> heads, derived;
    for (int y = 0; y < names.size(); ++y) {
        QJsonObject spec = columns.value(names[y]).toObject();
        if (spec.value(QLatin1String("generator")).toString() != QLatin1String("words") ||
            heads.contains(y) || table.hasUniqueKeyWithin({names[y]}))
            continue;
        const QStringList &values = texts[size_t(y)];
        int best = -1;
        double bestGain = 0;
        for (int x = 0; x < names.size(); ++x) {
            if (x == y || derived.contains(x) || !anyText[size_t(x)])
                continue;
            const QStringList &starts = texts[size_t(x)];
            std::vector<int> both;
            for (int r = 0; r < int(rows.size()); ++r) {
                if (!values[r].isEmpty() && !starts[r].isEmpty())
                    both.push_back(r);
            }
            const int m = int(both.size());
            if (m < MinRows)
                continue;
            // The same values paired with half a table away: how often a value begins with
            // some row's head anyway (single words, common prefixes).
            int matched = 0, chance = 0;
            for (int i = 0; i < m; ++i) {
                const QString &value = values[both[size_t(i)]];
                matched += startsWith(value, starts[both[size_t(i)]]);
                chance += startsWith(value, starts[both[size_t((i + m / 2) % m)]]);
            }
            const double gain = double(matched - chance) / double(m);
            if (matched >= MinRows && gain >= MinShare && gain > bestGain)
                best = x, bestGain = gain;
        }
        if (best < 0)
            continue;
        const QStringList &bestHeads = texts[size_t(best)];
        QHash<QString, qint64> tails;
        QStringList others;
        qint64 matched = 0, paired = 0;
        for (int r = 0; r < int(rows.size()); ++r) {
            if (values[r].isEmpty())
                continue;
            if (bestHeads[r].isEmpty()) {
                others << values[r];
                continue;
            }
            ++paired;
            if (startsWith(values[r], bestHeads[r])) {
                ++matched;
                ++tails[values[r].mid(bestHeads[r].size())];
            } else {
                others << values[r];
            }
        }
        QJsonObject linked = others.isEmpty() ? spec : TextRecipeLearner::words(others);
        if (spec.contains(QLatin1String("null_rate")))
            linked.insert(QStringLiteral("null_rate"), spec.value(QLatin1String("null_rate")));
        linked.insert(
            QStringLiteral("starts_with"),
            QJsonObject{{QStringLiteral("column"), names[best]},
                        {QStringLiteral("share"), double(matched) / double(paired)},
                        {QStringLiteral("tails"), TextRecipeLearner::weighted(tails, MaxTails)}});
        columns.insert(names[y], linked);
        heads.insert(best);
        derived.insert(y);
    }
}
