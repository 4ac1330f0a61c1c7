#pragma once

#include "GeneratedValue.h"

#include <QRandomGenerator>
#include <vector>

// Existing keys of a foreign key's parent table (a uniform sample when there are many), and
// which one the current row drew, so that every column of a composite key takes the same.
struct ParentKeys
{
    std::vector<std::vector<GeneratedValue>> keys;
    size_t current = 0;
};
