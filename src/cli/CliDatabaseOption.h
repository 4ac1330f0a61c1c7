#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

// The --db option every subcommand shares; without it, the default database (created and
// seeded on first use).
class CliDatabaseOption
{
public:
    explicit CliDatabaseOption(QCommandLineParser &parser);
    // Throws RowforgeError when the default database cannot be created.
    QString path() const;

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_option;
};
