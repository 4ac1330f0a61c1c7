#pragma once

#include <QtGlobal>

// Whether a column's values are categories (labels drawn and compared as a set) rather than
// numbers or free text. The engine (RecipeLearner) and the report (FidelityReporter) ask the
// same rule: a column the engine drew as free text, independent of its row, would be left out
// of the report's pairs, and nobody would see what was lost.
class CategoryRule
{
public:
    // Any column: up to 50 values, each seen at least twice on average.
    static constexpr int MaxFew = 50;
    // Text also up to 255 values, each seen at least ten times on average (a US state, a
    // country, an airline): enough rows per value to learn what goes with it.
    static constexpr int MaxText = 255;
    static constexpr int MinTextRepeats = 10;

    static bool isCategory(qsizetype distinct, qsizetype present, bool text)
    {
        if (distinct <= 0)
            return false;
        if (distinct <= MaxFew && distinct * 2 <= present)
            return true;
        return text && distinct <= MaxText && distinct * MinTextRepeats <= present;
    }
};
