#pragma once

#include "EmailNameLearner.h"
#include "NameSlug.h"
#include "ValueGenerator.h"
#include "WeightedPicker.h"

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
    std::vector<int> dependencies() const override
    {
        return m_names.first >= 0 ? std::vector<int>{m_names.first, m_names.last}
                                  : std::vector<int>{};
    }

    void generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                  GeneratedValue &out) override
    {
        if (m_names.first >= 0 && random.generateDouble() < m_names.share) {
            const GeneratedValue &first = row[size_t(m_names.first)];
            const GeneratedValue &last = row[size_t(m_names.last)];
            if (first.type == GeneratedValue::Text && last.type == GeneratedValue::Text) {
                QByteArray local = EmailNameLearner::apply(m_names.patterns.pick(random),
                                                           nameSlug(QString::fromUtf8(first.bytes)),
                                                           nameSlug(QString::fromUtf8(last.bytes)));
                // Asked again for the same person: the address was taken (a UNIQUE column).
                // As people do, add digits, more with each try.
                const QByteArray person = first.bytes + '\x1f' + last.bytes;
                m_retries = person == m_lastPerson ? m_retries + 1 : 0;
                m_lastPerson = person;
                if (m_retries > 0)
                    local += QByteArray(std::min(1 + m_retries / 4, 6), '#');
                for (char &c : local) {
                    if (c == '#')
                        c = char('0' + random.bounded(10));
                }
                if (!local.isEmpty()) {
                    out.setText(local + '@' + m_domains.pick(random));
                    return;
                }
            }
        }
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
    Names m_names;
    QByteArray m_lastPerson;
    int m_retries = 0;
};
