#include "ProgressText.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

QString ProgressText::rows(qint64 done, qint64 total, qint64 elapsedMs)
{
    const QLocale locale;
    const int percent = steps(done, total, 100);
    QString text = QCoreApplication::translate("ProgressText", "%1 of %2 rows (%3%)")
                       .arg(locale.toString(done), locale.toString(total))
                       .arg(percent);
    if (elapsedMs >= 250 && done > 0)
        text += QCoreApplication::translate("ProgressText", " · %1 rows/s")
                    .arg(locale.toString(done * 1000 / elapsedMs));
    return text;
}

int ProgressText::steps(qint64 done, qint64 total, int steps)
{
    if (total <= 0)
        return steps;
    return int(std::clamp<qint64>(done * steps / total, 0, steps));
}
