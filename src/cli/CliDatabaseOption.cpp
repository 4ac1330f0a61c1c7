#include "CliDatabaseOption.h"

#include "db/DefaultDatabase.h"

CliDatabaseOption::CliDatabaseOption(QCommandLineParser &parser)
    : m_parser(parser),
      m_option(QStringList{QStringLiteral("db")},
               QStringLiteral("SQLite database file (default: %1).").arg(DefaultDatabase::path()),
               QStringLiteral("FILE"))
{
    m_parser.addOption(m_option);
}

QString CliDatabaseOption::path() const
{
    return m_parser.isSet(m_option) ? m_parser.value(m_option) : DefaultDatabase::ensure();
}
