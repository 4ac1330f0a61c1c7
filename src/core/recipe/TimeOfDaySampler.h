#pragma once

#include "WeightedPicker.h"

#include <QRandomGenerator>
#include <utility>

// Draws a time of day, in seconds since midnight, from the shares of the day's slots (a time
// within its slot evenly) and of exact times many moments share (atoms: 09:00:00). A slot no
// moment fell in is never drawn, where interpolating between quantiles would fill the hour
// between a day shop's last sale and a night shop's first.
class TimeOfDaySampler
{
public:
    struct Atom
    {
        double seconds = 0;
        double share = 0; // of all draws; the shares add up to at most 1
    };

    // `weights` of the slots of `slotSeconds` each from midnight (a day's worth, not all 0
    // unless the atoms take every draw).
    TimeOfDaySampler(double slotSeconds, const std::vector<double> &weights,
                     const std::vector<Atom> &atoms)
    {
        double slotsTotal = 0, atomsTotal = 0;
        for (const double weight : weights)
            slotsTotal += weight;
        for (const Atom &atom : atoms)
            atomsTotal += atom.share;
        const double slotsShare = std::max(0.0, 1 - atomsTotal);
        QList<QPair<Span, double>> items;
        for (size_t i = 0; i < weights.size(); ++i) {
            if (weights[i] > 0 && slotsShare > 0)
                items << qMakePair(Span{double(i) * slotSeconds, slotSeconds},
                                   weights[i] / slotsTotal * slotsShare);
        }
        for (const Atom &atom : atoms)
            items << qMakePair(Span{atom.seconds, 0}, atom.share);
        m_picker = WeightedPicker<Span>(items);
    }

    double sample(QRandomGenerator &random) const
    {
        const Span &span = m_picker.pick(random);
        return span.width > 0 ? span.start + span.width * random.generateDouble() : span.start;
    }

private:
    struct Span
    {
        double start = 0;
        double width = 0;
    };
    WeightedPicker<Span> m_picker;
};
