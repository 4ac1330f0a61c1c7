#pragma once

#include "ValueGenerator.h"

// IPv4 addresses with every octet in 1..254 (no network or broadcast addresses).
class Ipv4Generator : public ValueGenerator
{
public:
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        QByteArray text;
        text.reserve(15);
        for (int i = 0; i < 4; ++i) {
            if (i)
                text += '.';
            text += QByteArray::number(1 + random.bounded(254));
        }
        out.setText(text);
    }
};
