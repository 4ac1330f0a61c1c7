#pragma once

#include "ChoiceGenerator.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <memory>

// A whole number drawn as another column's value plus an observed offset (a forecast year one
// to ten years after its budget year), kept among the column's own values: drawn from the
// offsets that land on one of them, by their weights. The column's own choice is used when
// the other value is missing or no offset lands on a value of its own.
class OffsetGenerator : public ValueGenerator
{
public:
    // Offsets are at most this large (the compiler checks): sums stay within qint64.
    static constexpr double Largest = 9007199254740992.0; // 2^53
    OffsetGenerator(int base, QList<QPair<double, double>> offsets,
                    std::unique_ptr<ChoiceGenerator> own, QSet<QByteArray> known, bool real)
        : m_base(base), m_offsets(std::move(offsets)), m_own(std::move(own)),
          m_known(std::move(known)), m_real(real)
    {}
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const GeneratedValue &base = row[size_t(m_base)];
        // A base beyond what an integer holds exactly (or NaN) lands on nothing.
        if ((base.type == GeneratedValue::Integer || base.type == GeneratedValue::Real) &&
            std::fabs(base.order) <= Largest) {
            // Few offsets (a dozen years): the ones that fit are found each time.
            double total = 0;
            m_fits.clear();
            for (const auto &[offset, weight] : std::as_const(m_offsets)) {
                write(std::round(base.order + offset), out);
                if (m_known.contains(out.key())) {
                    total += weight;
                    m_fits.push_back({offset, total});
                }
            }
            if (total > 0) {
                const double at = random.generateDouble() * total;
                const auto fit =
                    std::upper_bound(m_fits.begin(), m_fits.end(), at,
                                     [](double value, const std::pair<double, double> &f) {
                                         return value < f.second;
                                     });
                write(std::round(base.order + (fit == m_fits.end() ? m_fits.back() : *fit).first),
                      out);
                return;
            }
        }
        m_own->generate(row, random, out);
    }
    std::vector<int> dependencies() const override { return {m_base}; }

private:
    void write(double value, GeneratedValue &out) const
    {
        if (m_real)
            out.setReal(value);
        else
            out.setInteger(qint64(value));
    }

    int m_base;
    QList<QPair<double, double>> m_offsets;        // offset, weight
    std::vector<std::pair<double, double>> m_fits; // offset, cumulative weight
    std::unique_ptr<ChoiceGenerator> m_own;
    QSet<QByteArray> m_known;
    bool m_real;
};
