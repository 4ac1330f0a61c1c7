#pragma once

#include "TreeColumn.h"

#include <QtGlobal>
#include <vector>

// Finds the best split of a tree node for one target column (TreeLearner grows the trees):
// every split of every predictor column is scored by the drop in impurity (Gini for
// categories and for NULL versus value, variance of the normal scores for numbers), and the
// best is kept only when it says more than chance.
class TreeFitter
{
public:
    // Sufficient statistics of a set of rows for one target.
    struct Stats
    {
        // Of the normal scores z of a number: sum z, sum z^2 and sum z^4, for the variance of
        // z (where values lie) and of z^2 (how far they spread).
        double n = 0, nulls = 0, sum = 0, sumSquares = 0, sumFourth = 0;
        std::vector<double> counts; // per class (class 0 is NULL, then the codes)
        double countSquares = 0;    // sum of counts squared

        explicit Stats(int classes = 0) : counts(size_t(classes), 0.0) {}
        void add(const TreeColumn &t, int r, double sign)
        {
            n += sign;
            if (t.target == TreeColumn::Kind::Numeric) {
                const double value = t.number[size_t(r)];
                if (std::isnan(value)) {
                    nulls += sign;
                } else if (!(t.gaps && value < 0)) {
                    const double y = t.scores[size_t(r)];
                    sum += sign * y;
                    sumSquares += sign * y * y;
                    sumFourth += sign * y * y * y * y;
                }
                return;
            }
            double &count = counts[size_t(t.targetCode[size_t(r)] + 1)];
            countSquares += sign > 0 ? 2 * count + 1 : -2 * count + 1;
            count += sign;
        }
        // n times the impurity: Gini over classes, or Gini of NULL vs value plus the variances
        // of z and z^2, each scaled by the whole column's. Where values lie alone would not
        // part two stocks whose prices share a median but not a range.
        double weightedImpurity(const TreeColumn &t, const double (&scale)[2]) const
        {
            if (n <= 0)
                return 0;
            if (t.target != TreeColumn::Kind::Numeric)
                return n - countSquares / n;
            const double present = n - nulls;
            double impurity = n - (nulls * nulls + present * present) / n;
            if (present > 0)
                impurity += std::max(0.0, sumSquares - sum * sum / present) / scale[0] +
                            std::max(0.0, sumFourth - sumSquares * sumSquares / present) / scale[1];
            return impurity;
        }
    };

    struct Split
    {
        double gain = 0;
        int predictor = -1;
        bool numeric = false;
        double atMost = 0;
        std::vector<int> thenCodes; // categorical: codes (-1 NULL) that go to "then"
        Stats then;                 // the rows that go to "then"
    };

    // predictors: the columns visited before the target; predictorColumns: their indexes in
    // the table; sorted: each predictor's rows in the order of its values (numeric ones).
    TreeFitter(const TreeColumn &target, const std::vector<const TreeColumn *> &predictors,
               const std::vector<int> &predictorColumns,
               const std::vector<const std::vector<int> *> &sorted, int minLeaf);

    Stats stats(const std::vector<int> &rows) const;
    // The best significant split of `rows`, or a Split without predictor. member: scratch
    // space, one zero per row of the table.
    Split bestSplit(const std::vector<int> &rows, std::vector<char> &member) const;
    double impurity(const std::vector<int> &rows) const;
    int column(int predictor) const { return m_columns[size_t(predictor)]; }
    const TreeColumn &predictor(int p) const { return *m_predictors[size_t(p)]; }

private:
    void numericSplit(int p, const TreeColumn &x, const Stats &total, double parent,
                      const std::vector<char> &member, Split &best) const;
    void categoricalSplit(int p, const TreeColumn &x, const std::vector<int> &rows,
                          const Stats &total, double parent, Split &best) const;

    const TreeColumn &m_t;
    std::vector<const TreeColumn *> m_predictors;
    std::vector<int> m_columns;
    std::vector<const std::vector<int> *> m_sorted;
    int m_minLeaf;
    double m_scale[2] = {1, 1}; // the variances of z and z^2 over the whole column
    mutable std::vector<int> m_nodeRows;
    mutable qint64 m_tried = 0;
};
