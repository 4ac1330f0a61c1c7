#pragma once

#include <QRandomGenerator>
#include <algorithm>
#include <vector>

// Draws from an empirical distribution given by evenly spaced quantiles (the minimum, ...,
// the maximum), interpolating linearly between neighbours: values follow the observed shape,
// not a uniform spread between the extremes, and never leave [minimum, maximum].
//
// Atoms are values that many rows hold exactly (a spend of 0, a standard price): each is drawn
// as it is with its share, where quantiles alone would smear it over its neighbours.
class QuantileSampler
{
public:
    struct Atom
    {
        double value = 0;
        double share = 0; // of all draws; the shares add up to at most 1
    };

    QuantileSampler() = default;
    explicit QuantileSampler(std::vector<double> quantiles, std::vector<Atom> atoms = {})
        : m_quantiles(std::move(quantiles)), m_atoms(std::move(atoms))
    {
        m_continuous = 1;
        for (const Atom &atom : m_atoms)
            m_continuous -= atom.share;
        m_continuous = std::max(0.0, m_continuous);
        m_atomsByValue = m_atoms;
        std::sort(m_atomsByValue.begin(), m_atomsByValue.end(),
                  [](const Atom &a, const Atom &b) { return a.value < b.value; });
    }

    double sample(QRandomGenerator &random) const
    {
        if (!m_atoms.empty()) {
            double u = random.generateDouble();
            for (const Atom &atom : m_atoms) {
                if (u < atom.share)
                    return atom.value;
                u -= atom.share;
            }
        }
        return interpolate(random.generateDouble());
    }
    // The value at cumulative share u in [0, 1] (the inverse of rank): atoms take their share
    // of u where their value falls among the rest, so a rank drawn uniformly draws as sample().
    double at(double u) const
    {
        u = std::clamp(u, 0.0, 1.0);
        double below = 0; // the atoms' share before the value reached so far
        for (const Atom &atom : m_atomsByValue) {
            const double start = m_continuous * continuousRank(atom.value) + below;
            if (u < start)
                break;
            if (u < start + atom.share || m_continuous <= 0)
                return atom.value;
            below += atom.share;
        }
        if (m_continuous <= 0)
            return m_atomsByValue.back().value;
        return interpolate(std::clamp((u - below) / m_continuous, 0.0, 1.0));
    }
    // The share of draws below x, counting half of those equal to it (a mid-rank).
    double rank(double x) const
    {
        double share = m_continuous * continuousRank(x);
        for (const Atom &atom : m_atomsByValue) {
            if (atom.value < x)
                share += atom.share;
            else if (atom.value == x)
                share += atom.share / 2;
        }
        return share;
    }
    double min() const
    {
        double least = m_quantiles.front();
        for (const Atom &atom : m_atoms)
            least = std::min(least, atom.value);
        return least;
    }
    double max() const
    {
        double most = m_quantiles.back();
        for (const Atom &atom : m_atoms)
            most = std::max(most, atom.value);
        return most;
    }

    // `count` evenly spaced quantiles of sorted values (count >= 2).
    static std::vector<double> quantilesOf(const std::vector<double> &sorted, int count)
    {
        std::vector<double> result;
        if (sorted.empty())
            return result;
        for (int i = 0; i < count; ++i) {
            const double position = double(i) * double(sorted.size() - 1) / double(count - 1);
            const size_t index = size_t(position);
            const double low = sorted[index];
            const double high = sorted[std::min(index + 1, sorted.size() - 1)];
            result.push_back(low + (high - low) * (position - double(index)));
        }
        return result;
    }

    // Removes from sorted values those that make up at least minShare of them (and at least
    // two rows) and returns them as atoms, largest share first.
    static std::vector<Atom> takeAtoms(std::vector<double> &sorted, double minShare)
    {
        std::vector<Atom> atoms;
        const double total = double(sorted.size());
        std::vector<double> rest;
        for (size_t i = 0; i < sorted.size();) {
            size_t j = i;
            while (j < sorted.size() && sorted[j] == sorted[i])
                ++j;
            const double count = double(j - i);
            if (count >= 2 && count >= minShare * total)
                atoms.push_back({sorted[i], count / total});
            else
                rest.insert(rest.end(), sorted.begin() + qsizetype(i),
                            sorted.begin() + qsizetype(j));
            i = j;
        }
        std::stable_sort(atoms.begin(), atoms.end(),
                         [](const Atom &a, const Atom &b) { return a.share > b.share; });
        if (!atoms.empty())
            sorted = std::move(rest);
        return atoms;
    }

private:
    // The quantile function of the part that is not atoms, at position p in [0, 1].
    double interpolate(double p) const
    {
        const double position = p * double(m_quantiles.size() - 1);
        const size_t index = std::min(size_t(position), m_quantiles.size() - 1);
        if (index + 1 >= m_quantiles.size())
            return m_quantiles.back();
        const double low = m_quantiles[index], high = m_quantiles[index + 1];
        return low + (high - low) * (position - double(index));
    }
    // Its cumulative share at x; the middle of a run of equal quantiles for such a value.
    double continuousRank(double x) const
    {
        const size_t n = m_quantiles.size();
        if (n < 2)
            return 0.5;
        const auto low = std::lower_bound(m_quantiles.begin(), m_quantiles.end(), x);
        const auto high = std::upper_bound(low, m_quantiles.end(), x);
        const double first = double(low - m_quantiles.begin());
        if (low != high)
            return (first + double(high - m_quantiles.begin()) - 1) / 2 / double(n - 1);
        if (low == m_quantiles.begin())
            return 0;
        if (low == m_quantiles.end())
            return 1;
        const double before = *(low - 1), after = *low;
        return (first - 1 + (x - before) / (after - before)) / double(n - 1);
    }

    std::vector<double> m_quantiles;
    std::vector<Atom> m_atoms;
    std::vector<Atom> m_atomsByValue;
    double m_continuous = 1; // the share of draws that are not atoms
};
