#include "GenerationResult.h"

#include <QJsonArray>
#include <QLocale>

QString GenerationResult::summary() const
{
    const QLocale locale;
    QString text = QStringLiteral("Added %1 %2 to %3 · %4 %5 · %6 s · %7 tokens")
                       .arg(locale.toString(inserted),
                            inserted == 1 ? QStringLiteral("row") : QStringLiteral("rows"), table,
                            provider, model, locale.toString(seconds, 'f', seconds < 1 ? 2 : 1),
                            locale.toString(inputTokens + outputTokens));
    if (rejected > 0)
        text += QStringLiteral(" · %1 rejected (%2)").arg(rejected).arg(rejectionReasons.value(0));
    if (inserted < requested)
        text += QStringLiteral(" · %1 of %2 asked for").arg(inserted).arg(requested);
    return text;
}

QJsonObject GenerationResult::toJson() const
{
    return QJsonObject{
        {QStringLiteral("table"), table},
        {QStringLiteral("requested"), requested},
        {QStringLiteral("inserted"), inserted},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("rejection_reasons"), QJsonArray::fromStringList(rejectionReasons)},
        {QStringLiteral("provider"), provider},
        {QStringLiteral("model"), model},
        {QStringLiteral("input_tokens"), inputTokens},
        {QStringLiteral("output_tokens"), outputTokens},
        {QStringLiteral("seconds"), qRound(seconds * 1000) / 1000.0}};
}
