#pragma once

#include "ValueGenerator.h"

// Random BLOBs with a length in [minLength, maxLength].
class BytesGenerator : public ValueGenerator
{
public:
    BytesGenerator(int minLength, int maxLength) : m_min(minLength), m_max(maxLength) {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        const int length = m_min + int(random.bounded(quint32(m_max - m_min + 1)));
        out.bytes.resize(length);
        for (int i = 0; i < length; ++i)
            out.bytes[i] = char(random.bounded(256));
        out.type = GeneratedValue::Blob;
    }

private:
    int m_min, m_max;
};
