#include "CsvSniffer.h"

#include "ColumnType.h"
#include "CsvReader.h"
#include "util/RowforgeError.h"

#include <QBuffer>
#include <QHash>
#include <QSet>

namespace {
constexpr int MaxRows = 100;

QList<QStringList> readRows(const QString &sample, QChar delimiter, bool complete)
{
    QByteArray bytes = sample.toUtf8();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8, delimiter);
    QList<QStringList> rows;
    ImportRecord record;
    try {
        while (rows.size() < MaxRows + 1 && reader.next(record)) {
            QStringList row;
            for (int i = 0; i < record.size; ++i)
                row << record.values.at(i);
            rows << row;
        }
    } catch (const RowforgeError &) {
        // An open quote at the sample's end: judge by the rows read so far.
    }
    if (!complete && rows.size() > 1)
        rows.removeLast(); // possibly cut off
    return rows;
}
bool hasLetter(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
}
} // namespace

CsvSniffer::Dialect CsvSniffer::sniff(const QString &sample, bool complete)
{
    Dialect dialect;
    dialect.delimiter = sniffDelimiter(sample, complete);
    dialect.header = sniffHeader(sample, dialect.delimiter, complete);
    return dialect;
}

QChar CsvSniffer::sniffDelimiter(const QString &sample, bool complete)
{
    QChar best = u',';
    double bestScore = 0;
    for (const QChar candidate : {u',', u'\t', u';', u'|'}) {
        const QList<QStringList> rows = readRows(sample, candidate, complete);
        if (rows.isEmpty())
            continue;
        QHash<qsizetype, int> widths;
        for (const QStringList &row : rows)
            ++widths[row.size()];
        qsizetype modeWidth = 1;
        int modeCount = 0;
        for (auto it = widths.constBegin(); it != widths.constEnd(); ++it) {
            if (it.value() > modeCount || (it.value() == modeCount && it.key() > modeWidth)) {
                modeWidth = it.key();
                modeCount = it.value();
            }
        }
        if (modeWidth < 2)
            continue;
        // Consistent rows matter most; more columns break ties.
        const double score = double(modeCount) / rows.size() * 1000 + double(modeWidth);
        if (score > bestScore) {
            bestScore = score;
            best = candidate;
        }
    }
    return best;
}

bool CsvSniffer::sniffHeader(const QString &sample, QChar delimiter, bool complete)
{
    const QList<QStringList> rows = readRows(sample, delimiter, complete);
    if (rows.size() < 2)
        return true; // a lone row is more likely a header of an empty table
    const QStringList &first = rows.first();
    int votes = 0;
    for (int column = 0; column < first.size(); ++column) {
        ColumnType::Type type = ColumnType::Null;
        QSet<qsizetype> lengths;
        QSet<QString> distinct;
        bool seen = false;
        bool digitsOnly = true; // codes like 0805 or 2024-01-31: no letters
        for (int r = 1; r < rows.size(); ++r) {
            if (column >= rows[r].size() || rows[r][column].isEmpty())
                continue;
            seen = true;
            type = ColumnType::widen(type, ColumnType::classify(rows[r][column]));
            lengths.insert(rows[r][column].size());
            if (distinct.size() < 2)
                distinct.insert(rows[r][column]);
            digitsOnly = digitsOnly && !hasLetter(rows[r][column]);
        }
        if (!seen)
            continue;
        const ColumnType::Type headerType = ColumnType::classify(first[column]);
        if (type == ColumnType::Integer || type == ColumnType::Real)
            votes += (headerType == ColumnType::Text) ? 1 : -1;
        else if (digitsOnly)
            votes += hasLetter(first[column]) ? 1 : -1;
        else if (distinct.size() == 1)
            // One value all the way down ("Oslo" in every row): a first row that differs is
            // a name; its length says nothing ("city" is four letters too).
            votes += distinct.contains(first[column]) ? -1 : 1;
        else if (lengths.size() == 1)
            votes += (first[column].size() != *lengths.begin()) ? 1 : -1;
    }
    if (votes != 0)
        return votes > 0;
    // All-text columns: a header has distinct, non-empty names that do not recur below.
    QSet<QString> names;
    for (int column = 0; column < first.size(); ++column) {
        const QString name = first[column].trimmed();
        if (name.isEmpty() || names.contains(name))
            return false;
        names.insert(name);
        for (int r = 1; r < rows.size(); ++r) {
            if (column < rows[r].size() && rows[r][column] == first[column])
                return false;
        }
    }
    return true;
}
