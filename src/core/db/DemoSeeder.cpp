#include "DemoSeeder.h"

#include "RowInserter.h"
#include "SchemaReader.h"
#include "SqlExec.h"
#include "Transaction.h"
#include "util/RowforgeError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// JSON has only doubles; whole numbers go in as integers so INTEGER columns get integers.
QVariantList toValues(const QJsonArray &row)
{
    QVariantList values;
    for (const QJsonValue &value : row) {
        if (value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
            values << qint64(value.toDouble());
        else
            values << value.toVariant();
    }
    return values;
}
} // namespace

void DemoSeeder::seed(QSqlDatabase &db)
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw RowforgeError(QStringLiteral("The demo data resource is missing from this build"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw RowforgeError(
            QStringLiteral("The demo data is damaged: %1").arg(parseError.errorString()));

    Transaction transaction(db);
    const QJsonArray tables = document.object().value(QLatin1String("tables")).toArray();
    for (const QJsonValue &tableValue : tables) {
        const QJsonObject tableObject = tableValue.toObject();
        SqlExec::exec(db, tableObject.value(QLatin1String("create")).toString());
        for (const QJsonValue &index : tableObject.value(QLatin1String("indexes")).toArray())
            SqlExec::exec(db, index.toString());

        const QJsonArray rows = tableObject.value(QLatin1String("rows")).toArray();
        if (rows.isEmpty())
            continue;
        const TableInfo table =
            SchemaReader::require(db, tableObject.value(QLatin1String("name")).toString());
        QStringList columns;
        for (const QJsonValue &column : tableObject.value(QLatin1String("columns")).toArray())
            columns << column.toString();
        RowInserter inserter(db, table, columns);
        for (const QJsonValue &rowValue : rows)
            inserter.insert(toValues(rowValue.toArray()));
    }
    transaction.commit();
}
