#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

// Pearson's correlation of the pairs where neither value is NaN (a NULL), in two passes so
// that large values with small differences (dates in seconds) lose no precision. 0 when fewer
// than two pairs, or when either side is constant.
inline double pearson(const std::vector<double> &x, const std::vector<double> &y)
{
    double n = 0, sx = 0, sy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        ++n;
        sx += x[i];
        sy += y[i];
    }
    if (n < 2)
        return 0;
    const double mx = sx / n, my = sy / n;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxx > 0 && syy > 0 ? std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0) : 0;
}
