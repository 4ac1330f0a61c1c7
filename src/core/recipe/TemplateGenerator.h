#pragma once

#include "ValueGenerator.h"
#include "WeightedPicker.h"

#include <QString>

// Codes in a character-class template: 9 a digit, A an upper-case letter, a a lower-case
// letter, \ takes the next character literally, anything else stays as written. So
// "AB-9999" and "+1 (999) 999-9999" keep their shape with new characters.
class TemplateGenerator : public ValueGenerator
{
public:
    struct Part
    {
        enum Kind { Literal, Digit, Upper, Lower };
        Kind kind;
        QByteArray literal;
    };
    using Pattern = std::vector<Part>;

    explicit TemplateGenerator(const QList<QPair<Pattern, double>> &patterns) : m_patterns(patterns)
    {
        for (const auto &[pattern, weight] : patterns) {
            double values = 1;
            for (const Part &part : pattern)
                values *= part.kind == Part::Digit ? 10 : part.kind == Part::Literal ? 1 : 26;
            m_distinct += values;
        }
    }
    double distinctValues() const override { return m_distinct; }
    void generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                  GeneratedValue &out) override;

    static Pattern compile(const QString &pattern);

private:
    WeightedPicker<Pattern> m_patterns;
    double m_distinct = 0;
};
