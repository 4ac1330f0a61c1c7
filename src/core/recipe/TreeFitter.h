#pragma once

#include "TreeColumn.h"

#include <QtGlobal>
#include <vector>

// Finds the best split of a tree node for one target column (TreeLearner grows the trees):
// every split of every predictor column is scored by the drop in impurity (Gini for
// categories and for NULL versus value, variance for numbers), and the best is kept only when
// it says more than chance.
class TreeFitter
{
public:
    // Sufficient statistics of a set of rows for one target.
    struct Stats
    {
        double n = 0, nulls = 0, sum = 0, sumSquares = 0;
        std::vector<double> counts; // per class (class 0 is NULL, then the codes)
        double countSquares = 0;    // sum of counts squared

        explicit Stats(int classes = 0) : counts(size_t(classes), 0.0) {}
        void add(const TreeColumn &t, int r, double sign)
        {
            n += sign;
            if (t.target == TreeColumn::Kind::Numeric) {
                const double y = t.number[size_t(r)];
                if (std::isnan(y)) {
                    nulls += sign;
                } else if (!(t.gaps && y < 0)) {
                    sum += sign * y;
                    sumSquares += sign * y * y;
                }
                return;
            }
            double &count = counts[size_t(t.targetCode[size_t(r)] + 1)];
            countSquares += sign > 0 ? 2 * count + 1 : -2 * count + 1;
            count += sign;
        }
        // n times the impurity: Gini over classes, or Gini of NULL vs value plus the variance of
        // the values scaled by the whole column's variance.
        double weightedImpurity(const TreeColumn &t, double scale) const
        {
            if (n <= 0)
                return 0;
            if (t.target != TreeColumn::Kind::Numeric)
                return n - countSquares / n;
            const double present = n - nulls;
            double impurity = n - (nulls * nulls + present * present) / n;
            if (present > 0)
                impurity += std::max(0.0, sumSquares - sum * sum / present) / scale;
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
    double m_scale = 1;
    mutable std::vector<int> m_nodeRows;
    mutable qint64 m_tried = 0;
};
