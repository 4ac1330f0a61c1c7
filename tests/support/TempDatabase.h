#pragma once

#include "db/DatabaseConnection.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>

// A real SQLite file in a temporary folder, built from SQL statements, with a connection
// owned by the test's thread. Removed with the object.
class TempDatabase
{
public:
    explicit TempDatabase(const QStringList &statements = {},
                          const QString &fileName = QStringLiteral("test.sqlite"));
    ~TempDatabase();

    QString path() const { return m_path; }
    QString folder() const { return m_dir.path(); }
    QSqlDatabase &db() { return m_connection->database(); }
    void exec(const QString &sql, const QVariantList &values = {});
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    // Every table's CREATE statement and rows, for before/after comparisons.
    QString dump();
    // Closes the test's connection (e.g. before comparing the file's bytes).
    void close() { m_connection.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<DatabaseConnection> m_connection;
};
