#include "EmailGenerator.h"

#include "EmailNameLearner.h"
#include "NameSlug.h"

#include <algorithm>
#include <cmath>

void EmailGenerator::generate(const std::vector<GeneratedValue> &row, QRandomGenerator &random,
                              GeneratedValue &out)
{
    if (m_names.first >= 0 && random.generateDouble() < m_names.share &&
        fromName(row[size_t(m_names.first)], row[size_t(m_names.last)], random, out))
        return;
    QByteArray text;
    const int parts = std::max(1, m_parts.pick(random));
    const QByteArray &separator = m_separators.pick(random);
    for (int i = 0; i < parts; ++i) {
        if (i)
            text += separator;
        text += m_tokens.pick(random);
    }
    const QByteArray &domain = m_domains.pick(random);
    bool digits = random.generateDouble() < m_digitsRate;
    // In a UNIQUE column a plain address made before would clash. Adding digits keeps this
    // share of addresses; drawing again would hand it to the names, which rarely clash.
    if (!digits && m_unique) {
        const qsizetype before = m_plainMade.size();
        m_plainMade.insert(text + '@' + domain);
        digits = m_plainMade.size() == before;
    }
    if (digits)
        text += QByteArray::number(random.bounded(1, 1000));
    text += '@';
    text += domain;
    out.setText(text);
}

bool EmailGenerator::fromName(const GeneratedValue &first, const GeneratedValue &last,
                              QRandomGenerator &random, GeneratedValue &out)
{
    if (first.type != GeneratedValue::Text || last.type != GeneratedValue::Text)
        return false;
    const QString &pattern = m_names.patterns.pick(random);
    const QByteArray key = first.bytes + '\x1f' + last.bytes;
    // Asked again for the same person at once: the address was taken (a UNIQUE column).
    m_retries = key == m_lastPerson ? m_retries + 1 : 0;
    m_lastPerson = key;
    auto person = m_people.find(key);
    if (person == m_people.end())
        person = m_people.insert(key, Person{nameSlug(QString::fromUtf8(first.bytes)),
                                             nameSlug(QString::fromUtf8(last.bytes)),
                                             {},
                                             0});
    if (m_retries == 0)
        ++person->asked;
    auto local = person->locals.find(pattern);
    if (local == person->locals.end())
        local = person->locals.insert(
            pattern, EmailNameLearner::apply(pattern, person->first, person->last));
    QByteArray text = *local;
    if (text.isEmpty())
        return false;
    text += QByteArray(digitsFor(person->asked, m_retries), '#');
    for (char &c : text) {
        if (c == '#')
            c = char('0' + random.bounded(10));
    }
    out.setText(text + '@' + m_domains.pick(random));
    return true;
}

// Digits added to a person's address: more with each retry and, in a UNIQUE column, from the
// first try once the person has been asked for more often than patterns and domains make
// plain addresses (the 500th Olivia Smith does not try olivia.smith@ first), ten numbers for
// each request so far. Without that, a million rows over a thousand names retried three times
// a row.
int EmailGenerator::digitsFor(int asked, int retries) const
{
    int digits = retries > 0 ? std::min(1 + retries / 4, 6) : 0;
    const double plain = double(std::max<size_t>(1, m_names.patterns.size() * m_domains.size()));
    if (m_unique && asked > plain) {
        const int needed = int(std::ceil(std::log10(10.0 * asked / plain)));
        digits = std::max(digits, std::clamp(needed + retries / 4, 1, 6));
    }
    return digits;
}
