#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <QHash>
#include <QSet>

// E-mail addresses: a local part of observed name tokens joined by observed separators,
// sometimes with a few digits (as often as observed), at an observed domain. With names, the
// observed share of local parts is made from the row's own first and last name instead, in
// the observed patterns (olivia.smith, osmith, olivia42).
class EmailGenerator : public ValueGenerator
{
public:
    EmailGenerator(WeightedPicker<QByteArray> tokens, WeightedPicker<int> parts,
                   WeightedPicker<QByteArray> separators, double digitsRate,
                   WeightedPicker<QByteArray> domains)
        : m_tokens(std::move(tokens)), m_parts(std::move(parts)),
          m_separators(std::move(separators)), m_digitsRate(digitsRate),
          m_domains(std::move(domains))
    {}
    struct Names
    {
        int first = -1, last = -1;
        double share = 0;
        WeightedPicker<QString> patterns;
    };
    void setNames(Names names) { m_names = std::move(names); }
    // In a UNIQUE column an address made before would be refused: digits are added sooner.
    // Elsewhere a person keeps one address, row after row.
    void setUnique(bool unique) { m_unique = unique; }
    std::vector<int> dependencies() const override
    {
        return m_names.first >= 0 ? std::vector<int>{m_names.first, m_names.last}
                                  : std::vector<int>{};
    }
    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override;

private:
    // What is worked out once per person: the name slugs, each pattern's local part, and how
    // often an address was asked for.
    struct Person
    {
        QByteArray first, last;
        QHash<QString, QByteArray> locals;
        int asked = 0;
    };
    bool fromName(const GeneratedValue &first, const GeneratedValue &last, QRandomGenerator &random,
                  GeneratedValue &out);
    int digitsFor(int asked, int retries) const;

    WeightedPicker<QByteArray> m_tokens;
    WeightedPicker<int> m_parts;
    WeightedPicker<QByteArray> m_separators;
    double m_digitsRate;
    WeightedPicker<QByteArray> m_domains;
    Names m_names;
    bool m_unique = false;
    QHash<QByteArray, Person> m_people;
    QSet<QByteArray> m_plainMade; // by the tokens, in a UNIQUE column
    QByteArray m_lastPerson;
    int m_retries = 0;
};
