#pragma once

#include <QByteArray>
#include <QString>

// Files that tests feed to Rowforge, written byte for byte.
class TestFiles
{
public:
    // Writes `bytes` to folder/name and returns the path; aborts the test run if it cannot.
    static QString write(const QString &folder, const QString &name, const QByteArray &bytes);
};
