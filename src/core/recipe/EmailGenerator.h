#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

// E-mail addresses: a local part of observed name tokens joined by observed separators,
// sometimes with a few digits (as often as observed), at an observed domain.
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
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        QByteArray text;
        const int parts = std::max(1, m_parts.pick(random));
        const QByteArray &separator = m_separators.pick(random);
        for (int i = 0; i < parts; ++i) {
            if (i)
                text += separator;
            text += m_tokens.pick(random);
        }
        if (random.generateDouble() < m_digitsRate)
            text += QByteArray::number(random.bounded(1, 1000));
        text += '@';
        text += m_domains.pick(random);
        out.setText(text);
    }

private:
    WeightedPicker<QByteArray> m_tokens;
    WeightedPicker<int> m_parts;
    WeightedPicker<QByteArray> m_separators;
    double m_digitsRate;
    WeightedPicker<QByteArray> m_domains;
};
