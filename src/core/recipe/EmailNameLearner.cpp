#include "EmailNameLearner.h"

#include "NameSlug.h"
#include "TextRecipeLearner.h"

#include <QHash>
#include <QJsonArray>

const QStringList &EmailNameLearner::patterns()
{
    static const QStringList list{
        QStringLiteral("{first}.{last}"),
        QStringLiteral("{first}_{last}"),
        QStringLiteral("{first}{last}"),
        QStringLiteral("{f}{last}"),
        QStringLiteral("{f}.{last}"),
        QStringLiteral("{first}.{l}"),
        QStringLiteral("{first}{l}"),
        QStringLiteral("{last}.{first}"),
        QStringLiteral("{last}{f}"),
        QStringLiteral("{first}"),
        QStringLiteral("{last}"),
        QStringLiteral("{first}{##}"),
        QStringLiteral("{first}{###}"),
        QStringLiteral("{first}{####}"),
        QStringLiteral("{first}.{last}{##}"),
        QStringLiteral("{f}{last}{##}"),
        QStringLiteral("{last}{##}"),
    };
    return list;
}

QByteArray EmailNameLearner::apply(const QString &pattern, const QByteArray &first,
                                   const QByteArray &last)
{
    QByteArray out = pattern.toUtf8();
    out.replace("{first}", first);
    out.replace("{last}", last);
    out.replace("{f}", first.left(1));
    out.replace("{l}", last.left(1));
    out.replace("{####}", "####");
    out.replace("{###}", "###");
    out.replace("{##}", "##");
    return out;
}

namespace {

bool matches(const QByteArray &local, const QByteArray &expected)
{
    if (local.size() != expected.size())
        return false;
    for (qsizetype i = 0; i < local.size(); ++i) {
        if (expected[i] == '#' ? !(local[i] >= '0' && local[i] <= '9') : local[i] != expected[i])
            return false;
    }
    return true;
}

} // namespace

void EmailNameLearner::link(const QStringList &names, const QList<QVariantList> &rows,
                            QJsonObject &columns)
{
    QList<int> emails, texts;
    for (int c = 0; c < names.size(); ++c) {
        const QString generator =
            columns.value(names[c]).toObject().value(QLatin1String("generator")).toString();
        if (generator == QLatin1String("email"))
            emails << c;
        else if (generator == QLatin1String("choice") || generator == QLatin1String("words"))
            texts << c;
    }
    if (emails.isEmpty() || texts.size() < 2 || texts.size() > 12 || rows.isEmpty())
        return;
    QHash<int, QList<QByteArray>> slugs;
    for (const int c : texts) {
        for (const QVariantList &row : rows)
            slugs[c] << (row[c].isNull() ? QByteArray() : nameSlug(row[c].toString()));
    }
    const QStringList &all = patterns();
    for (const int e : emails) {
        QList<QByteArray> locals;
        for (const QVariantList &row : rows)
            locals << (row[e].isNull() ? QByteArray()
                                       : row[e].toString().section(u'@', 0, 0).toUtf8());
        int bestFirst = -1, bestLast = -1;
        QHash<QString, qint64> bestCounts;
        qint64 bestMatched = 0;
        for (const int first : texts) {
            for (const int last : texts) {
                if (first == last)
                    continue;
                QHash<QString, qint64> counts;
                qint64 matched = 0;
                for (qsizetype r = 0; r < rows.size(); ++r) {
                    const QByteArray &f = slugs[first][r], &l = slugs[last][r];
                    if (locals[r].isEmpty() || f.isEmpty() || l.isEmpty())
                        continue;
                    for (const QString &pattern : all) {
                        if (matches(locals[r], apply(pattern, f, l))) {
                            ++counts[pattern];
                            ++matched;
                            break;
                        }
                    }
                }
                if (matched > bestMatched) {
                    bestMatched = matched;
                    bestFirst = first;
                    bestLast = last;
                    bestCounts = counts;
                }
            }
        }
        const qint64 present = std::count_if(locals.begin(), locals.end(),
                                             [](const QByteArray &l) { return !l.isEmpty(); });
        if (bestFirst < 0 || double(bestMatched) < MinShare * double(present))
            continue;
        QJsonObject spec = columns.value(names[e]).toObject();
        spec.insert(QStringLiteral("names"),
                    QJsonObject{{QStringLiteral("first"), names[bestFirst]},
                                {QStringLiteral("last"), names[bestLast]},
                                {QStringLiteral("share"), double(bestMatched) / double(present)},
                                {QStringLiteral("patterns"),
                                 TextRecipeLearner::weighted(bestCounts, 100)}});
        columns.insert(names[e], spec);
    }
}
