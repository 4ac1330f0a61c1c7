#pragma once

#include "QuantileSampler.h"

#include <QJsonObject>
#include <vector>

class GeneratorSpec;

// How a recipe describes the numbers it learned, for a column's own entry and for the leaves
// of its tree alike: "atoms" for the values that many rows hold exactly (a spend of 0 in 68% of
// rows), "quantiles" for the rest. Quantiles alone would smear such a value over its
// neighbours (0.04, 0.11, ...) and lose its share.
class NumberSummary
{
public:
    // A value is an atom when at least this share of the values are exactly it.
    static constexpr double AtomShare = 0.05;

    // Inserts "quantiles" (`count` of them) and, when there are any or `alwaysAtoms` is set
    // (a tree leaf must replace its column's atoms, even with none), "atoms".
    static void describe(std::vector<double> values, int count, bool alwaysAtoms,
                         QJsonObject &spec);
    // The entry's "atoms", checked: [{"value": number, "share": s}, ...], each share in
    // (0, 1], all adding up to at most 1. None when the key is absent.
    static std::vector<QuantileSampler::Atom> atoms(const GeneratorSpec &spec);
};
