#include "CopySwapper.h"

#include "CopyRedraw.h"
#include "RowHashSet.h"

#include <algorithm>

CopySwapper::Facts CopySwapper::facts(const Row &row, const CompiledRecipe &recipe)
{
    Facts result;
    result.hashes.reserve(row.size());
    result.contexts.reserve(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
        result.hashes.push_back(RowHashSet::hashValue(row[c]));
        result.contexts.push_back(recipe.columns[c].generator->context(row));
    }
    return result;
}

const CopySwapper::Block &CopySwapper::block(int column, const CompiledRecipe &recipe)
{
    if (m_blocks.empty())
        m_blocks.resize(recipe.columns.size());
    Block &block = m_blocks[size_t(column)];
    if (block.columns.empty()) {
        block.columns = recipe.withDependents(column);
        for (const int c : block.columns) {
            const std::vector<int> dependencies =
                recipe.columns[size_t(c)].generator->dependencies();
            const bool inside = std::any_of(dependencies.begin(), dependencies.end(), [&](int d) {
                return std::find(block.columns.begin(), block.columns.end(), d) !=
                       block.columns.end();
            });
            (inside ? block.inner : block.outer).push_back(c);
        }
    }
    return block;
}

bool CopySwapper::hold(const Row &copy, const CompiledRecipe &recipe)
{
    // Where under one try in a hundred makes a trade, trading costs more than it saves.
    const bool worthIt = m_built < 10000 || m_traded * 100 >= m_built;
    if (int(m_held.size()) >= MaxHeld || !worthIt)
        return false;
    m_held.push_back({copy, facts(copy, recipe)});
    return true;
}

bool CopySwapper::trade(Row &fresh, Row &partner, const CompiledRecipe &recipe, CopyRedraw &columns,
                        const std::function<bool(const Row &)> &acceptable,
                        QRandomGenerator &random)
{
    if (m_held.empty())
        return false;
    const Facts freshFacts = facts(fresh, recipe);
    // Held copies by how many columns they differ from the fresh row in: fewest first.
    std::vector<std::pair<int, int>> alike;
    for (int h = 0; h < int(m_held.size()); ++h) {
        int differ = 0;
        for (size_t c = 0; c < freshFacts.hashes.size(); ++c)
            differ += m_held[size_t(h)].facts.hashes[c] != freshFacts.hashes[c];
        alike.emplace_back(differ, h);
    }
    std::sort(alike.begin(), alike.end());
    int built = 0;
    for (int attempt = 0; attempt < Attempts && built < MaxBuilt; ++attempt) {
        const int column = columns.pick(random);
        if (column < 0)
            return false;
        const Block &traded = block(column, recipe);
        for (const auto &[differ, h] : alike) {
            Held &held = m_held[size_t(h)];
            // A column drawn given only columns that stay put must be drawn given the same in
            // both rows; that is known without building the traded rows.
            if (held.facts.hashes[size_t(column)] == freshFacts.hashes[size_t(column)] ||
                std::any_of(traded.outer.begin(), traded.outer.end(), [&](int c) {
                    return held.facts.contexts[size_t(c)] != freshFacts.contexts[size_t(c)];
                }))
                continue;
            // Building and checking the traded rows is the costly part: a table whose copies
            // find no partner must not pay it for every held copy on every fresh row.
            if (built++ == MaxBuilt)
                break;
            ++held.tries;
            ++m_built;
            Row copy = held.row;
            Row other = fresh;
            for (const int c : traded.columns)
                std::swap(copy[size_t(c)], other[size_t(c)]);
            recipe.rules.derive(copy);
            recipe.rules.derive(other);
            // The traded values in `copy` were drawn in `fresh`, and the other way round.
            const bool contextsKept =
                std::all_of(traded.inner.begin(), traded.inner.end(), [&](int c) {
                    const ValueGenerator &generator = *recipe.columns[size_t(c)].generator;
                    return generator.context(copy) == freshFacts.contexts[size_t(c)] &&
                           generator.context(other) == held.facts.contexts[size_t(c)];
                });
            if (!contextsKept || !acceptable(copy) || !acceptable(other))
                continue;
            ++m_traded;
            partner = std::move(copy);
            fresh = std::move(other);
            m_held.erase(m_held.begin() + h);
            return true;
        }
    }
    // A copy that found no partner in MaxTries trades is dropped, as a refused draw: kept,
    // it would cost every later fresh row a try.
    m_held.erase(std::remove_if(m_held.begin(), m_held.end(),
                                [](const Held &held) { return held.tries >= MaxTries; }),
                 m_held.end());
    return false;
}
