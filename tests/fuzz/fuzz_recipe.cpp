// Recipes as a model or a person may write them: compiled against a table with every kind of
// column and, when valid, run for a few rows on an in-memory database (nothing committed).
#include "FuzzSupport.h"
#include "db/SchemaReader.h"
#include "db/SqlExec.h"
#include "recipe/RecipeCompiler.h"
#include "recipe/RecipeRunner.h"
#include "util/RowforgeError.h"

#include <QJsonDocument>
#include <QSqlDatabase>

namespace {
QSqlDatabase &database()
{
    static QSqlDatabase db = [] {
        fuzzApplication();
        QSqlDatabase d =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fuzz"));
        d.setDatabaseName(QStringLiteral(":memory:"));
        d.open();
        SqlExec::exec(d, QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY)"));
        SqlExec::exec(d, QStringLiteral("INSERT INTO parent VALUES (1), (2), (3)"));
        SqlExec::exec(
            d, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT "
                              "UNIQUE, d DATE, ts TIMESTAMP, flag BOOLEAN, b BLOB, code TEXT NOT "
                              "NULL CHECK (length(code) <= 8), p INTEGER REFERENCES parent (id))"));
        return d;
    }();
    return db;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject recipe = QJsonDocument::fromJson(fuzzBytes(data, size)).object();
    if (recipe.isEmpty())
        return 0;
    QSqlDatabase &db = database();
    try {
        const TableInfo table = SchemaReader::require(db, QStringLiteral("t"));
        RecipeCompiler::validate(recipe, table);
        RecipeRunOptions options;
        options.rows = 3;
        options.commit = false;
        QRandomGenerator random(size);
        RecipeRunner::run(db, table, recipe, options, random);
    } catch (const RowforgeError &) {
    }
    return 0;
}
