#pragma once

#include "TreeColumn.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

// Learns a category's table of values given one earlier category, as a Bayesian network keeps
// them (PrivBayes, DataSynthesizer), smoothed toward the shares it refines:
// P(v | p) = (n(p, v) + a P(v)) / (n(p) + a); and within a given value, maybe a table given a
// second category (an airport given its state, then given the airline). Trees split two ways
// and must say more than chance over every way to part a category's values, so an airline
// rarely splits on 200 airports although each airport has its own airlines; a table can say it.
//
// The parent and the smoothing `a` are chosen by leave-one-out likelihood: each real row is
// predicted from the others, so a table that only repeats its rows' accidents (first names
// against last names on 200 people) predicts worse than the shares it refines and is not kept.
class ConditionalTableLearner
{
public:
    struct Parent
    {
        int index = -1; // in names
        const TreeColumn *column = nullptr;
    };
    // The category learned: each row's value as a code (-1 for NULL), and the typed values.
    struct Target
    {
        const std::vector<int> &codes;
        const QList<QJsonValue> &categories;
    };

    static constexpr int MaxParents = 2; // tables nest this deep
    static constexpr int MaxParentValues = 1000;
    static constexpr int MinNestedRows = 20; // rows of a given value to look for a second parent
    // Nats of held-out likelihood a table must win over the shares it refines: more than
    // choosing the best of the parents and smoothings tried could win by luck.
    static constexpr double MinGain = 20;
    // A number's or words' table replaces its whole distribution for each value, and is chosen
    // on tenths or first words that say less than the values: it must win more (numbers at 20:
    // movies and jobs lost 0.002-0.003).
    static constexpr double MinEntryGain = 40;

    // {"given", "by", "smoothing"} for the target at `rows` (a tree's leaf), or an empty object.
    static QJsonObject fit(const Target &target, const std::vector<int> &rows,
                           const std::vector<Parent> &parents, const QStringList &names);
    // {"given", "by", "smoothing"} for a number at `rows` (NaN for NULL): each given value's
    // own "rows", "quantiles" and "atoms" (`quantiles` of them at most). The parent is chosen
    // as for a category, on the number's tenths in these rows: which tenth a state's airports
    // lie in.
    static QJsonObject fitNumbers(const std::vector<double> &values, const std::vector<int> &rows,
                                  const std::vector<Parent> &parents, const QStringList &names,
                                  int quantiles);
    // {"given", "by", "smoothing"} for words (`texts`, empty for NULL) at `rows`: each given
    // value's own "rows", "pools" and "counts", learned from its values. The parent is chosen
    // as for a category, on the values' first words: which words a state's towns begin with, or
    // which makes a country's cars are.
    static QJsonObject fitWords(const QStringList &texts, const std::vector<int> &rows,
                                const std::vector<Parent> &parents, const QStringList &names);
    // {"given", "by", "smoothing"} for codes (`texts`, empty for NULL) at `rows`: each given
    // value's own "rows" and "templates", learned from its values (TextRecipeLearner::
    // codeTemplate keeps the characters they share: the "58" of North Dakota's ZIP codes). The
    // parent is chosen as for a category, on the values' first characters.
    static constexpr int CodeHeadLength = 3;
    static QJsonObject fitCodes(const QStringList &texts, const std::vector<int> &rows,
                                const std::vector<Parent> &parents, const QStringList &names,
                                bool unique);
    // The "by" of a target drawn exactly given `given` at `rows`: each given value's list, or
    // its own choice where a second parent helps.
    static QJsonObject refine(const Target &target, const Parent &given,
                              const std::vector<int> &rows, const std::vector<Parent> &parents,
                              const QStringList &names);
};
