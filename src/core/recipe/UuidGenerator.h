#pragma once

#include "ValueGenerator.h"

// Random (version 4) UUIDs in the observed letter case.
class UuidGenerator : public ValueGenerator
{
public:
    explicit UuidGenerator(bool uppercase) : m_uppercase(uppercase) {}
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        static const char lower[] = "0123456789abcdef";
        static const char upper[] = "0123456789ABCDEF";
        const char *digits = m_uppercase ? upper : lower;
        QByteArray text(36, '-');
        const quint64 high = random.generate64(), low = random.generate64();
        int bit = 0;
        for (int i = 0; i < 36; ++i) {
            if (i == 8 || i == 13 || i == 18 || i == 23)
                continue;
            const quint64 source = bit < 16 ? high : low;
            int nibble = int((source >> ((bit % 16) * 4)) & 0xF);
            if (i == 14)
                nibble = 4; // version 4
            else if (i == 19)
                nibble = 8 | (nibble & 3); // RFC 4122 variant
            text[i] = digits[nibble];
            ++bit;
        }
        out.setText(text);
    }

private:
    bool m_uppercase;
};
