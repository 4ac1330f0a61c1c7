#include "TemplateGenerator.h"

TemplateGenerator::Pattern TemplateGenerator::compile(const QString &pattern)
{
    Pattern parts;
    auto literal = [&parts](QStringView text) {
        if (!parts.empty() && parts.back().kind == Part::Literal)
            parts.back().literal += text.toUtf8();
        else
            parts.push_back({Part::Literal, text.toUtf8()});
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'\\' && i + 1 < pattern.size())
            literal(QStringView(pattern).mid(++i, 1));
        else if (c == u'9')
            parts.push_back({Part::Digit, {}});
        else if (c == u'A')
            parts.push_back({Part::Upper, {}});
        else if (c == u'a')
            parts.push_back({Part::Lower, {}});
        else
            literal(QStringView(pattern).mid(i, 1));
    }
    return parts;
}

void TemplateGenerator::generate(const std::vector<GeneratedValue> &, QRandomGenerator &random,
                                 GeneratedValue &out)
{
    QByteArray text;
    for (const Part &part : m_patterns.pick(random)) {
        switch (part.kind) {
        case Part::Literal:
            text += part.literal;
            break;
        case Part::Digit:
            text += char('0' + random.bounded(10));
            break;
        case Part::Upper:
            text += char('A' + random.bounded(26));
            break;
        case Part::Lower:
            text += char('a' + random.bounded(26));
            break;
        }
    }
    out.setText(text);
}
