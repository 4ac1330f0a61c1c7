#include "RowValidator.h"

#include "db/RowInserter.h"
#include "db/SqlExec.h"
#include "db/SqlIdentifier.h"
#include "db/Transaction.h"
#include "util/DateTimeFormats.h"
#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace {
QString describe(const QJsonValue &value)
{
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString().left(40));
    if (value.isObject() || value.isArray())
        return value.isObject() ? QStringLiteral("an object") : QStringLiteral("an array");
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

bool integerText(const QString &text, qint64 *out)
{
    static const QRegularExpression pattern(QStringLiteral("^-?(0|[1-9][0-9]*)$"));
    if (!pattern.match(text).hasMatch())
        return false;
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

} // namespace

bool RowValidator::keeps(const QString &column, const ColumnContract &contract,
                         const QJsonValue &value, QString *reason)
{
    if (value.isNull() || value.isUndefined())
        return true; // NOT NULL is convert()'s to judge
    if (!contract.dateLayout.isEmpty()) {
        double seconds = 0;
        if (!value.isString() ||
            !DateTimeFormats::parse(value.toString(), contract.dateLayout, &seconds)) {
            *reason = QStringLiteral("\"%1\" needs a date in the layout %2, got %3")
                          .arg(column, contract.dateLayout, describe(value));
            return false;
        }
    }
    if (!contract.choices.isEmpty()) {
        const QJsonValue number = value.isBool() ? QJsonValue(value.toBool() ? 1 : 0) : value;
        if (!contract.choices.contains(number)) {
            *reason = QStringLiteral("\"%1\" needs one of %2, got %3")
                          .arg(column,
                               QString::fromUtf8(
                                   QJsonDocument(contract.choices).toJson(QJsonDocument::Compact)),
                               describe(value));
            return false;
        }
    }
    return true;
}

RowValidator::RowValidator(QSqlDatabase &db, const TableInfo &table) : m_db(db), m_table(table)
{
    for (const ColumnInfo &column : m_table.columns) {
        if (!column.isFilledBySqlite()) {
            m_columns << column.name;
            m_columnInfo << &column;
        }
    }
    m_copyCheckNeeded = !m_table.hasUniqueKeyWithin(m_columns);
}

bool RowValidator::convert(const ColumnInfo &column, const QJsonValue &value, QVariant *out,
                           QString *reason)
{
    if (value.isNull() || value.isUndefined()) {
        if (column.notNull) {
            *reason = QStringLiteral("\"%1\" must not be NULL").arg(column.name);
            return false;
        }
        *out = QVariant(QMetaType(QMetaType::QString));
        return true;
    }
    auto mismatch = [&](const char *expected) {
        *reason = QStringLiteral("\"%1\" needs %2, got %3")
                      .arg(column.name, QLatin1String(expected), describe(value));
        return false;
    };
    switch (column.affinity) {
    case SqlAffinity::Integer: {
        qint64 integer = 0;
        if (value.isDouble()) {
            const double number = value.toDouble();
            if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0)
                return mismatch("an integer");
            *out = qint64(number);
            return true;
        }
        if (value.isBool()) {
            *out = qint64(value.toBool() ? 1 : 0);
            return true;
        }
        if (value.isString() && integerText(value.toString().trimmed(), &integer)) {
            *out = integer;
            return true;
        }
        return mismatch("an integer");
    }
    case SqlAffinity::Real: {
        if (value.isDouble()) {
            *out = value.toDouble();
            return true;
        }
        bool ok = false;
        const double number = value.isString() ? value.toString().trimmed().toDouble(&ok) : 0;
        if (ok && std::isfinite(number)) {
            *out = number;
            return true;
        }
        return mismatch("a number");
    }
    case SqlAffinity::Text:
        if (value.isString()) {
            *out = value.toString();
        } else if (value.isObject() || value.isArray()) {
            // A JSON text column: keep the JSON as text.
            *out = QString::fromUtf8(
                value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        } else if (value.isDouble()) {
            const double number = value.toDouble();
            *out = std::trunc(number) == number && std::abs(number) < 9007199254740992.0
                       ? QString::number(qint64(number))
                       : QString::number(number, 'g', QLocale::FloatingPointShortest);
        } else if (value.isBool()) {
            *out = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
        return true;
    case SqlAffinity::Numeric:
    case SqlAffinity::Blob:
        if (value.isDouble()) {
            const double number = value.toDouble();
            *out = std::trunc(number) == number && std::abs(number) < 9007199254740992.0
                       ? QVariant(qint64(number))
                       : QVariant(number);
        } else if (value.isBool()) {
            *out = qint64(value.toBool() ? 1 : 0);
        } else if (value.isString()) {
            *out = value.toString();
        } else {
            return mismatch("a value");
        }
        return true;
    }
    return false;
}

QList<QVariantList> RowValidator::validate(const QList<QJsonObject> &rows,
                                           QList<Rejection> *rejections,
                                           const QList<QVariantList> &accepted)
{
    QList<QVariantList> valid;
    // Without a unique key over the generated columns nothing else refuses a copy: the
    // existing rows' fingerprints are read once, before any trial row is inserted.
    if (m_copyCheckNeeded && !m_existingLoaded) {
        m_existing.loadExisting(m_db, m_table, m_columns);
        m_existingLoaded = true;
    }
    QSet<quint64> seen; // this run's rows: accepted before, and in this batch
    // Everything below happens in a transaction that is rolled back: rows are inserted only
    // to let SQLite judge them.
    Transaction trial(m_db, QStringLiteral("checking new rows for %1").arg(m_table.name));
    RowInserter inserter(m_db, m_table, m_columns);
    for (const QVariantList &values : accepted) {
        const qint64 rowid = inserter.insert(values);
        if (m_copyCheckNeeded)
            seen.insert(RowHashSet::hashStoredRow(m_db, m_table, m_columns, rowid));
    }
    for (int index = 0; index < rows.size(); ++index) {
        const QJsonObject &row = rows[index];
        QString reason;
        for (const QString &key : row.keys()) {
            if (!m_columns.contains(key)) {
                reason = QStringLiteral("unknown column \"%1\"").arg(key);
                break;
            }
        }
        QVariantList values;
        for (int c = 0; reason.isEmpty() && c < m_columns.size(); ++c) {
            if (!row.contains(m_columns[c])) {
                reason = QStringLiteral("column \"%1\" is missing").arg(m_columns[c]);
                break;
            }
            QVariant value;
            const auto contract = m_contracts.constFind(m_columns[c]);
            if (contract != m_contracts.constEnd() &&
                !keeps(m_columns[c], *contract, row.value(m_columns[c]), &reason))
                break;
            if (!convert(*m_columnInfo[c], row.value(m_columns[c]), &value, &reason))
                break;
            values << value;
        }
        quint64 fingerprint = 0;
        if (reason.isEmpty()) {
            // Judged as stored: SQLite's constraints, then (its affinities applied) a copy.
            SqlExec::exec(m_db, QStringLiteral("SAVEPOINT rowforge_check"));
            try {
                const qint64 rowid = inserter.insert(values);
                if (m_copyCheckNeeded) {
                    fingerprint = RowHashSet::hashStoredRow(m_db, m_table, m_columns, rowid);
                    if (m_existing.contains(fingerprint))
                        reason = QStringLiteral("an exact copy of an existing row");
                    else if (seen.contains(fingerprint))
                        reason = QStringLiteral("the same row as another new row");
                }
            } catch (const RowforgeError &error) {
                reason = error.message();
            }
            if (!reason.isEmpty())
                SqlExec::exec(m_db, QStringLiteral("ROLLBACK TO rowforge_check"));
            SqlExec::exec(m_db, QStringLiteral("RELEASE rowforge_check"));
        }
        if (!reason.isEmpty()) {
            rejections->append({index, reason});
            continue;
        }
        if (m_copyCheckNeeded)
            seen.insert(fingerprint);
        valid << values;
    }
    return valid; // `trial` rolls back
}
