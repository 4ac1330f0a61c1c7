#pragma once

#include <QString>

// How far a long job over rows has come, in the words the status bar uses: "420,000 of
// 1,000,000 rows (42%) · 250,000 rows/s". One place, so generation, undo and whatever
// comes next say it alike.
class ProgressText
{
public:
    // `elapsedMs` since the job started; the rate is left out until a quarter second has
    // passed, when it would still be noise.
    static QString rows(qint64 done, qint64 total, qint64 elapsedMs);
    // Share of `total` done in `steps` (a progress bar's range), clamped to it.
    static int steps(qint64 done, qint64 total, int steps);
};
