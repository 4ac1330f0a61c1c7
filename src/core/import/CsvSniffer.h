#pragma once

#include <QString>

// Guesses a CSV file's delimiter and whether its first row is a header, from its first
// kilobytes of text.
class CsvSniffer
{
public:
    struct Dialect
    {
        QChar delimiter = u',';
        bool header = true;
    };
    // `complete` says the sample is the whole file (else its last row may be cut off).
    static Dialect sniff(const QString &sample, bool complete);
    static QChar sniffDelimiter(const QString &sample, bool complete);
    static bool sniffHeader(const QString &sample, QChar delimiter, bool complete);
};
