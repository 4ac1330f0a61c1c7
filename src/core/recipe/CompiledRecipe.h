#pragma once

#include "RuleSet.h"
#include "ValueGenerator.h"

#include <QStringList>
#include <algorithm>
#include <memory>
#include <vector>

// A recipe ready to run: one generator per column, and the order in which to call them so
// that a column comes after the ones it depends on.
struct CompiledRecipe
{
    struct Column
    {
        QString name;
        double nullRate = 0;
        std::unique_ptr<ValueGenerator> generator;
    };

    std::vector<Column> columns; // the table's generated columns, in table order
    std::vector<int> order;      // indexes into columns, dependencies first
    RuleSet rules;               // kept in every row (derived values are written here)
    QStringList columnNames() const
    {
        QStringList names;
        for (const Column &column : columns)
            names << column.name;
        return names;
    }

    // Draws column `index` again, and every column that depends on it (directly or not).
    void regenerate(int index, std::vector<GeneratedValue> &row, QRandomGenerator &random) const
    {
        std::vector<bool> dirty(columns.size(), false);
        dirty[size_t(index)] = true;
        for (const int i : order) {
            const Column &column = columns[size_t(i)];
            if (!dirty[size_t(i)]) {
                const std::vector<int> dependencies = column.generator->dependencies();
                if (std::none_of(dependencies.begin(), dependencies.end(),
                                 [&dirty](int d) { return dirty[size_t(d)]; }))
                    continue;
            }
            dirty[size_t(i)] = true;
            draw(column, row, random, row[size_t(i)]);
        }
        rules.derive(row);
    }

    // Column `index` and every column that depends on it (directly or not).
    std::vector<int> withDependents(int index) const
    {
        std::vector<bool> dirty(columns.size(), false);
        dirty[size_t(index)] = true;
        std::vector<int> result{index};
        for (const int i : order) {
            if (dirty[size_t(i)])
                continue;
            const std::vector<int> dependencies = columns[size_t(i)].generator->dependencies();
            if (std::any_of(dependencies.begin(), dependencies.end(),
                            [&dirty](int d) { return dirty[size_t(d)]; })) {
                dirty[size_t(i)] = true;
                result.push_back(i);
            }
        }
        return result;
    }

    // Fills `row` (one value per column) with a new row.
    void generate(std::vector<GeneratedValue> &row, QRandomGenerator &random) const
    {
        for (const int index : order)
            draw(columns[size_t(index)], row, random, row[size_t(index)]);
        rules.derive(row);
    }

private:
    static void draw(const Column &column, const std::vector<GeneratedValue> &row,
                     QRandomGenerator &random, GeneratedValue &out)
    {
        if (column.nullRate > 0 && random.generateDouble() < column.nullRate)
            out.setNull();
        else
            column.generator->generate(row, random, out);
    }
};
