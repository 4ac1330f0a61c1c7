#pragma once

#include "GeneratedValue.h"

#include <QHash>
#include <QRandomGenerator>

// How a generator given another column's value (ChoiceGenerator, GivenGenerator) finds and
// uses that value's entry, in one place for both.
namespace GivenEntry {

// The entry of the given value in `row`, or end(): a NULL has none (its empty key would find
// the empty text's).
template <typename T>
typename QHash<QByteArray, T>::const_iterator find(const QHash<QByteArray, T> &entries,
                                                   const GeneratedValue &given)
{
    return given.type == GeneratedValue::Null ? entries.constEnd() : entries.constFind(given.key());
}

// Whether this draw takes an entry of `rows` rows rather than the column's own values: the two
// are blended as counts and a prior of `smoothing` (0: always the entry).
inline bool taken(double rows, double smoothing, QRandomGenerator &random)
{
    return smoothing <= 0 || random.generateDouble() * (rows + smoothing) < rows;
}

} // namespace GivenEntry
