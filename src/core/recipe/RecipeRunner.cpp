#include "RecipeRunner.h"

#include "CopyRedraw.h"
#include "CopySwapper.h"
#include "ParentKeyLoader.h"
#include "RecipeCompiler.h"
#include "RowHashSet.h"
#include "db/RowInserter.h"
#include "db/SqlExec.h"
#include "db/Transaction.h"
#include "util/GenerationCancelled.h"
#include "util/RowforgeError.h"

#include <QHash>
#include <QLocale>
#include <optional>

namespace {

class CacheSizeScope
{
public:
    CacheSizeScope(QSqlDatabase &db, int kibibytes, bool enabled) : m_db(db)
    {
        if (!enabled)
            return;
        QSqlQuery query = SqlExec::exec(db, QStringLiteral("PRAGMA cache_size"));
        m_previous = query.next() ? query.value(0).toInt() : -2000;
        SqlExec::exec(db, QStringLiteral("PRAGMA cache_size = %1").arg(-kibibytes));
        m_active = true;
    }
    ~CacheSizeScope()
    {
        if (m_active)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous));
    }

private:
    QSqlDatabase &m_db;
    int m_previous = 0;
    bool m_active = false;
};

void bind(RowInserter &inserter, int column, const GeneratedValue &value)
{
    switch (value.type) {
    case GeneratedValue::Null:
        inserter.bindNull(column);
        break;
    case GeneratedValue::Integer:
        inserter.bindInteger(column, value.integer);
        break;
    case GeneratedValue::Real:
        inserter.bindReal(column, value.real);
        break;
    case GeneratedValue::Text:
        inserter.bindUtf8(column, value.bytes.constData(), value.bytes.size());
        break;
    case GeneratedValue::Blob:
        inserter.bindBlob(column, value.bytes);
        break;
    }
}

} // namespace

RecipeRunResult RecipeRunner::run(QSqlDatabase &db, const TableInfo &table,
                                  const QJsonObject &recipe, const RecipeRunOptions &options,
                                  QRandomGenerator &random)
{
    if (options.rows < 1)
        throw RowforgeError(QStringLiteral("Ask for at least one row"));
    RecipeRunResult result;
    auto loadParents = [&](const ForeignKey &key, const QStringList &parentColumns,
                           bool likeExisting) {
        const auto newParents = options.newParents.constFind(key.columns.first());
        const bool growing = newParents != options.newParents.constEnd();
        std::shared_ptr<ParentKeys> parents = ParentKeyLoader::load(
            db, table, key, parentColumns, likeExisting ? &options.generated : nullptr, random,
            growing ? newParents->firstRowid : std::numeric_limits<qint64>::max());
        if (growing)
            ParentKeyLoader::pointAtNewParents(db, key, parentColumns, *newParents, *parents,
                                               &result.inserted, random);
        return parents;
    };
    const CompiledRecipe compiled = RecipeCompiler::compile(recipe, table, loadParents);
    result.columns = compiled.columnNames();
    if (result.columns.isEmpty())
        throw RowforgeError(
            QStringLiteral("\"%1\" has no column to fill: SQLite fills them all").arg(table.name));

    // Without a unique key among the generated columns, only a fingerprint of every existing
    // row can tell a copy.
    const bool checkCopies = !table.hasUniqueKeyWithin(result.columns);
    RowHashSet seen;
    if (checkCopies)
        seen.loadExisting(db, table, result.columns);
    CopyRedraw copyRedraw(compiled.columns.size());

    // Unique keys (of one column or several) are checked in memory first: a value already
    // taken is drawn again here, far cheaper than an insert SQLite refuses. A key with a NULL
    // in it is never taken (SQLite lets NULLs repeat).
    struct UniqueCheck
    {
        std::vector<int> indexes;
        RowHashSet values;
        QString name;
    };
    std::vector<UniqueCheck> uniqueChecks;
    for (const UniqueKey &key : table.uniqueKeys) {
        std::vector<int> indexes;
        for (const QString &column : key.columns)
            indexes.push_back(int(result.columns.indexOf(column)));
        if (key.partial ||
            std::any_of(indexes.begin(), indexes.end(), [](int index) { return index < 0; }))
            continue;
        uniqueChecks.push_back({indexes, {}, key.columns.join(QStringLiteral(", "))});
        uniqueChecks.back().values.loadExisting(db, table, key.columns);
    }
    auto keyHash = [](const UniqueCheck &check, const std::vector<GeneratedValue> &values,
                      bool *hasNull) {
        quint64 hash = 0;
        *hasNull = false;
        for (const int index : check.indexes) {
            const GeneratedValue &value = values[size_t(index)];
            *hasNull = *hasNull || value.type == GeneratedValue::Null;
            hash = RowHashSet::combine(hash, RowHashSet::hashValue(value));
        }
        return hash;
    };
    // A big run touches index pages all over: a larger page cache keeps them in memory instead
    // of spilling to the WAL and reading them back (the default is 2 MB).
    CacheSizeScope cache(db, LargeRunCacheKiB, options.rows >= LargeRun);
    std::optional<Transaction> transaction;
    if (options.ownTransaction)
        transaction.emplace(db, QStringLiteral("the generation on %1").arg(table.name));
    RowInserter inserter(db, table, result.columns);
    std::vector<GeneratedValue> row(compiled.columns.size());
    QHash<QString, qint64> reasons;
    int refusedInARow = 0;
    qint64 attempts = 0;
    const qint64 progressStep = std::max<qint64>(1000, options.rows / 200);

    // A new row that passes the checks made in memory (unique values, copies): a value
    // already taken is drawn again, far cheaper than an insert SQLite refuses.
    // A row that keeps the rules and copies none (when copies are checked, no unique key lies
    // within the generated columns: nothing else to check in memory).
    auto newRow = [&](const std::vector<GeneratedValue> &candidate) {
        return compiled.rules.firstBroken(candidate) < 0 &&
               !seen.contains(RowHashSet::hashRow(candidate));
    };
    auto draw = [&](bool *copy) -> QString {
        *copy = false;
        compiled.generate(row, random);
        // Rows that break a rule are drawn again (rejection keeps the joint distribution); a
        // rule still broken after that is repaired where a local change can.
        for (int redraw = 0; !compiled.rules.isEmpty(); ++redraw) {
            int broken = compiled.rules.firstBroken(row);
            if (broken < 0)
                break;
            if (redraw < MaxRuleRedraws) {
                const int column = compiled.rules.redrawnColumn(broken);
                for (int again = 0; column >= 0 && again < MaxColumnRedraws; ++again) {
                    compiled.regenerate(column, row, random);
                    if (compiled.rules.holds(broken, row))
                        break;
                }
                if (column < 0 || !compiled.rules.holds(broken, row))
                    compiled.generate(row, random);
                continue;
            }
            for (int repairs = 0; broken >= 0 && repairs < compiled.rules.size(); ++repairs) {
                if (!compiled.rules.repair(broken, row))
                    break;
                broken = compiled.rules.firstBroken(row);
            }
            if (broken >= 0)
                return QStringLiteral("breaks the rule %1").arg(compiled.rules.describe(broken));
            break;
        }
        bool redrawn = false; // a unique value drawn again: the rules are checked again
        for (int retry = 0; !uniqueChecks.empty(); ++retry) {
            const auto taken = std::find_if(uniqueChecks.begin(), uniqueChecks.end(),
                                            [&](const UniqueCheck &check) {
                                                bool hasNull = false;
                                                const quint64 hash = keyHash(check, row, &hasNull);
                                                return !hasNull && check.values.contains(hash);
                                            });
            if (taken == uniqueChecks.end())
                break;
            if (retry + 1 == MaxUniqueRetries)
                return QStringLiteral("UNIQUE constraint failed: %1.%2")
                    .arg(table.name, taken->name);
            // Draw one column of the key again (the last: in a composite key the first
            // columns are often its groups, such as a date per station).
            compiled.regenerate(taken->indexes.back(), row, random);
            redrawn = true;
        }
        if (const int broken = redrawn ? compiled.rules.firstBroken(row) : -1; broken >= 0)
            return QStringLiteral("breaks the rule %1").arg(compiled.rules.describe(broken));
        *copy = checkCopies && seen.contains(RowHashSet::hashRow(row));
        return {};
    };
    // A copy no fresh row could trade with: one column is drawn again (CopyRedraw says why).
    auto redrawCopy = [&]() -> QString {
        for (int redraw = 0; redraw < CopyRedraw::MaxRedraws; ++redraw) {
            const int column = copyRedraw.pick(random);
            if (column < 0)
                break;
            compiled.regenerate(column, row, random);
            if (newRow(row))
                return {};
        }
        return QStringLiteral("an exact copy of an existing row");
    };

    // Inserts `values` (a row drawn, or refused with `refusal`) and keeps count.
    auto store = [&](const std::vector<GeneratedValue> &values, QString refusal) {
        qint64 rowid = 0;
        if (refusal.isEmpty()) {
            for (int c = 0; c < int(values.size()); ++c)
                bind(inserter, c, values[size_t(c)]);
            inserter.tryInsertBound(&refusal, &rowid);
        }
        if (!refusal.isEmpty()) {
            ++result.rejected;
            ++reasons[refusal];
            if (++refusedInARow >= MaxRefusedInARow) {
                // A unique column whose generator has a known number of values says how many
                // were left: none means truly exhausted, a few that they are hard to find.
                QString space;
                for (const UniqueCheck &check : uniqueChecks) {
                    const double values =
                        check.indexes.size() == 1
                            ? compiled.columns[size_t(check.indexes[0])].generator->distinctValues()
                            : -1;
                    if (values > 0 && refusal.endsWith(check.name))
                        space = QStringLiteral(" \"%1\" can take %2 values in its shape; %3 are "
                                               "taken, %4 left.")
                                    .arg(check.name, QLocale().toString(values, 'f', 0),
                                         QLocale().toString(check.values.size()),
                                         QLocale().toString(
                                             std::max(0.0, values - double(check.values.size())),
                                             'f', 0));
                }
                throw RowforgeError(
                    QStringLiteral("Stopped after %1 of %2 rows: the last %3 generated rows were "
                                   "all refused (%4). The recipe cannot make more distinct "
                                   "valid rows for \"%5\"; nothing was written.%6")
                        .arg(QLocale().toString(result.inserted), QLocale().toString(options.rows))
                        .arg(MaxRefusedInARow)
                        .arg(refusal, table.name, space));
            }
            return;
        }
        refusedInARow = 0;
        if (checkCopies) {
            seen.insert(RowHashSet::hashRow(values));
            copyRedraw.observe(values);
        }
        for (UniqueCheck &check : uniqueChecks) {
            bool hasNull = false;
            const quint64 hash = keyHash(check, values, &hasNull);
            if (!hasNull)
                check.values.insert(hash);
        }
        if (result.inserted == 0)
            result.firstRowid = rowid;
        result.lastRowid = rowid;
        if (result.inserted < options.keepRows) {
            result.rowids << rowid;
            QVariantList variants;
            variants.reserve(qsizetype(values.size()));
            for (const GeneratedValue &value : values)
                variants << value.toVariant();
            result.rows << variants;
        }
        ++result.inserted;
        if (options.progress && result.inserted % progressStep == 0)
            options.progress(result.inserted, options.rows);
    };

    // Copies wait for a fresh row to trade a column with (CopySwapper says why); copies left
    // waiting when the rows are made were extra draws and are dropped.
    CopySwapper copySwapper;
    std::vector<GeneratedValue> partner;
    while (result.inserted < options.rows) {
        if ((++attempts & 1023) == 0 && options.cancelled && options.cancelled->load())
            throw GenerationCancelled();
        bool copy = false;
        QString refusal = draw(&copy);
        if (copy && copySwapper.hold(row, compiled))
            continue;
        if (copy)
            refusal = redrawCopy();
        else if (refusal.isEmpty() && copySwapper.held() > 0 &&
                 result.inserted + 1 < options.rows &&
                 copySwapper.trade(row, partner, compiled, copyRedraw, newRow, random))
            store(partner, {});
        store(row, refusal);
    }
    // Asked to stop after the last row was made (or to quit): still nothing is written.
    if (options.cancelled && options.cancelled->load())
        throw GenerationCancelled();
    if (transaction && options.commit)
        transaction->commit();
    QList<QPair<qint64, QString>> ranked;
    for (auto it = reasons.constBegin(); it != reasons.constEnd(); ++it)
        ranked << qMakePair(-it.value(), it.key());
    std::sort(ranked.begin(), ranked.end());
    for (const auto &[count, reason] : ranked)
        result.rejectionReasons << reason;
    return result;
}
