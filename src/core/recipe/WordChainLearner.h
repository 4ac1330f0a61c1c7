#pragma once

#include <QJsonObject>
#include <QStringList>

// Learns which word follows which in a words column ("next" of docs/recipes.md): a make its
// models ("ford" → "pinto", "maverick"), "San" its "Antonio" and "Diego", "Municipal" the end
// of the name. Each follower list, with "" for the end of the text, is blended with the words
// the column draws at that position anyway as counts and a prior of a per kind of follower
// (Witten-Bell): a make followed by its three models keeps to them, a model followed by any of
// sixty trims mostly leaves the next word to the position.
//
// a is chosen by leave-one-out likelihood, as ConditionalTableLearner chooses its tables: each
// word, and each end, predicted from the other values. A chain is kept only when it predicts
// them e^20 times better than the positions alone; words seen once have no follower list
// (it could only repeat their value).
class WordChainLearner
{
public:
    static constexpr double MinGain = 20;
    static constexpr int MaxWords = 5000; // words with a follower list, the commonest first
    // {"smoothing", "by"} for `values` split into words, whose positions draw from `positions`
    // pools (the last for the later words), or an empty object.
    static QJsonObject fit(const QList<QStringList> &values, int positions);
};
