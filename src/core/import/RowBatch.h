#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

// Rows converted for insertion, passed from the thread that parses to the thread that
// inserts: typed cells, with text already UTF-8 in one buffer per batch.
struct RowBatch
{
    enum CellType : quint8 { Null, Integer, Real, Text };
    struct Cell
    {
        CellType type;
        union {
            qint64 integer;
            double real;
            struct
            {
                qsizetype offset;
                qsizetype length;
            } text;
        };
    };

    std::vector<Cell> cells; // rows × columns, row by row
    std::vector<qint64> lines;
    QByteArray text;
    qint64 bytesRead = 0; // of the source, after this batch
    QString error;        // set on the batch after the last good row, if the producer failed
    bool errorIsCancel = false;

    int rowCount() const { return int(lines.size()); }
    void clear()
    {
        cells.clear();
        lines.clear();
        text.clear();
        error.clear();
    }
};
