#pragma once

#include "GeneratedValue.h"
#include "ParentKeys.h"
#include "db/SqlAffinity.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

// A recipe's "rules" made ready to check and keep (the kinds RuleMiner writes; see
// docs/recipes.md). Derived rules (prefix, sum, difference, product) are made true by
// writing the value; the others are checked, and the engine draws a row again or repairs it
// (swapping an ordered pair, setting a dependent value, a NULL, an amount moved within its
// range per item) when one is broken. The
// fidelity report uses the same checks on new rows.
class RuleSet
{
public:
    using AffinityOf = std::function<SqlAffinity::Kind(int)>;
    // The parent keys a one-column foreign key draws from, or nullptr if the column is none.
    using ParentsOf = std::function<std::shared_ptr<ParentKeys>(int column)>;

    // Throws RowforgeError naming the rule and what is wrong. `index` maps column names to
    // row positions. Without `parentsOf`, rules across a foreign key cannot be checked and
    // count as kept.
    static RuleSet compile(const QJsonArray &rules, const QHash<QString, int> &index,
                           const AffinityOf &affinity, const ParentsOf &parentsOf = {});
    // The parent columns that rules across a foreign key compare with, by foreign key column
    // (what the parent keys must be loaded with).
    static QHash<QString, QStringList> parentColumns(const QJsonArray &rules);

    int size() const { return int(m_rules.size()); }
    bool isEmpty() const { return m_rules.empty(); }
    bool holds(int rule, const std::vector<GeneratedValue> &row) const;
    // The first rule `row` breaks, or -1.
    int firstBroken(const std::vector<GeneratedValue> &row) const;
    // Writes derived values (prefixes, sums, products) into `row`.
    void derive(std::vector<GeneratedValue> &row) const;
    bool hasDerivations() const { return !m_derive.empty(); }
    // The column to draw again, alone with those drawn given it, when `rule` is broken: an
    // amount out of its range per item is drawn again for the same items and status, which
    // keeps their shares as drawing the whole row again would not. -1: the whole row.
    int redrawnColumn(int rule) const
    {
        return m_rules[size_t(rule)].kind == Kind::Per ? m_rules[size_t(rule)].a : -1;
    }
    // Makes `rule` hold in `row` where a local change can; false if it cannot.
    bool repair(int rule, std::vector<GeneratedValue> &row) const;
    // In words, for people: "min_temp <= max_temp", "city -> country".
    QString describe(int rule) const;
    QString kind(int rule) const;
    // The columns a derived value is computed from, by the column it writes.
    QHash<int, std::vector<int>> derivedFrom() const;

private:
    enum class Kind {
        Order,
        Differs,
        Per, // a / b within [low, high]: an amount per item
        Determines,
        PairDetermines, // (a, b) -> target: written, like the derived rules
        NullIf,
        NotNullIf,
        Prefix,
        Sum,
        Difference,
        Product,
        Parses,
        Granularity,
        Weekdays,
        ParentOrder // a = the foreign key column, b = the column compared with the parent's
    };
    enum class Unit { Year, Month, Day, Hour, Minute };
    struct Rule
    {
        Kind kind;
        QString name, text;
        int a = -1, b = -1, target = -1;
        QString format, format2;
        QSet<QByteArray> keys;
        QHash<QByteArray, GeneratedValue> map; // determines: a's key (and b's) -> the value
        QHash<QByteArray, QByteArray> prefixes;
        int words = 1, decimals = 0;
        double low = 0, high = 0; // per
        Unit unit = Unit::Day;
        std::shared_ptr<ParentKeys> parents;
        int attribute = -1;
        bool after = true; // parent order: b >= the parent's value (else <=)
    };

    bool number(const GeneratedValue &value, const QString &format, double *out) const;
    // Writes a number rounded to `decimals` in the form `out` already has (integer, real, text).
    static void setNumber(GeneratedValue &out, double value, int decimals);
    // The value `map` gives for the row, or nullptr (a key column NULL, or a key not mapped).
    static const GeneratedValue *mapped(const Rule &rule, const std::vector<GeneratedValue> &row);
    static QByteArray pairKey(const GeneratedValue &a, const GeneratedValue &b);
    // The parent's value a parent order compares with, or nullptr (no parent, or NULL).
    static const GeneratedValue *parentValue(const Rule &rule,
                                             const std::vector<GeneratedValue> &row);

    void orderDerivations();

    std::vector<Rule> m_rules;
    std::vector<int> m_derive; // rules that write their column, inputs first
};
