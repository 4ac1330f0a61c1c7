#pragma once

#include "ValueGenerator.h"

#include <QStringList>
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
            const int dependency = column.generator->dependsOn();
            if (!dirty[size_t(i)] && !(dependency >= 0 && dirty[size_t(dependency)]))
                continue;
            dirty[size_t(i)] = true;
            if (column.nullRate > 0 && random.generateDouble() < column.nullRate)
                row[size_t(i)].setNull();
            else
                column.generator->generate(row, random, row[size_t(i)]);
        }
    }

    // Fills `row` (one value per column) with a new row.
    void generate(std::vector<GeneratedValue> &row, QRandomGenerator &random) const
    {
        for (const int index : order) {
            const Column &column = columns[size_t(index)];
            if (column.nullRate > 0 && random.generateDouble() < column.nullRate)
                row[size_t(index)].setNull();
            else
                column.generator->generate(row, random, row[size_t(index)]);
        }
    }
};
