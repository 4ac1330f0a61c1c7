#pragma once

#include "FidelityReport.h"

#include <QList>
#include <QRandomGenerator>
#include <vector>

// Distance to closest record (DCR): how near each new row comes to a real row, against how
// near real rows come to each other. Each column adds |x - y| / range for numbers and dates,
// 0 or 1 for categories and NULLs; a row's distance is the mean over the columns.
class CloseRecords
{
public:
    static constexpr int MaxProbes = 400; // rows measured on each side
    static constexpr int MaxReal = 4000;  // real rows searched

    struct Column
    {
        bool numeric = false;
        std::vector<double> real, synthetic; // NaN for NULL
        std::vector<int> realCodes, syntheticCodes;
    };
    static FidelityReport::Privacy measure(const QList<Column> &columns, qint64 realRows,
                                           qint64 syntheticRows, QRandomGenerator &random);
};
