#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

// URLs: an observed prefix (scheme, host and path start) followed by a slug of observed
// path words joined with '-'; zero words gives the bare prefix.
class UrlGenerator : public ValueGenerator
{
public:
    UrlGenerator(WeightedPicker<QByteArray> prefixes, WeightedPicker<QByteArray> tokens,
                 WeightedPicker<int> parts)
        : m_prefixes(std::move(prefixes)), m_tokens(std::move(tokens)), m_parts(std::move(parts))
    {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        QByteArray text = m_prefixes.pick(random);
        const int parts = m_tokens.isEmpty() ? 0 : m_parts.pick(random);
        for (int i = 0; i < parts; ++i) {
            if (i)
                text += '-';
            text += m_tokens.pick(random);
        }
        out.setText(text);
    }

private:
    WeightedPicker<QByteArray> m_prefixes;
    WeightedPicker<QByteArray> m_tokens;
    WeightedPicker<int> m_parts;
};
