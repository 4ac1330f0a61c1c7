#pragma once

#include "CompiledRecipe.h"
#include "GeneratedValue.h"

#include <QRandomGenerator>
#include <functional>
#include <vector>

class CopyRedraw;

// Turns new rows that copy an existing one into new rows without moving any column's
// distribution. A copy is held until a fresh row comes; the two then trade one column's value,
// with the columns drawn given it, so each value still occurs as often as it was drawn.
// Drawing a column again instead (CopyRedraw) moves mass from the commonest values, because
// those are the ones that make copies: in the survey table of issue #11 (16% of real rows
// repeat) column pair trends fell from 0.946 with copies allowed to 0.926 (five seeds);
// trading keeps 0.935. Redrawing the dependent columns after a trade did the same harm. A
// trade moves a column with those drawn given it, and only when each is drawn given the same
// in its new row as in its old (the same leaf of its tree, the same name for an e-mail), so
// each row keeps its place in the joint model.
class CopySwapper
{
public:
    using Row = std::vector<GeneratedValue>;
    static constexpr int MaxHeld = 64;
    static constexpr int Attempts = 8;   // columns tried per fresh row
    static constexpr int MaxBuilt = 64;  // traded row pairs built and checked per fresh row
    static constexpr int MaxTries = 256; // per held copy, then it is dropped

    // Keeps a copy for a later trade; false when MaxHeld copies already wait.
    bool hold(const Row &copy, const CompiledRecipe &recipe);
    // Trades a column between `fresh` (a new row) and a held copy such that `acceptable`
    // holds for both. On success the former copy is in `partner` and is no longer held.
    bool trade(Row &fresh, Row &partner, const CompiledRecipe &recipe, CopyRedraw &columns,
               const std::function<bool(const Row &)> &acceptable, QRandomGenerator &random);
    int held() const { return int(m_held.size()); }

private:
    // Per column of a row: its value's fingerprint (values compare as copies are told) and
    // what it was drawn given (ValueGenerator::context).
    struct Facts
    {
        std::vector<quint64> hashes;
        std::vector<quint64> contexts;
    };
    struct Held
    {
        Row row;
        Facts facts;
        int tries = 0;
    };
    // The columns traded with one: itself and those drawn given it; `outer` are drawn given
    // columns that stay put only, `inner` given one that moves too.
    struct Block
    {
        std::vector<int> columns, outer, inner;
    };
    static Facts facts(const Row &row, const CompiledRecipe &recipe);
    const Block &block(int column, const CompiledRecipe &recipe);

    std::vector<Held> m_held;
    std::vector<Block> m_blocks;
    qint64 m_built = 0;  // traded row pairs built and checked
    qint64 m_traded = 0; // of which became trades
};
