#include "SqlHighlighter.h"

#include "query/SqlKeywords.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextBlock>
#include <QTextLayout>

namespace {
// Each format names its kind, so that a test can ask what a character became.
const int KindProperty = QTextFormat::UserProperty + 1;

QTextCharFormat makeFormat(const QColor &colour, const QString &kind, bool bold = false,
                           bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    f.setProperty(KindProperty, kind);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}
} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    for (const QString &word : SqlKeywords::all())
        m_keywords.insert(word);
    // Colours that read on light and dark palettes alike.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_keyword = makeFormat(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x1a, 0x4f, 0xa0),
                           QStringLiteral("keyword"), true);
    m_string = makeFormat(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32),
                          QStringLiteral("string"));
    m_number = makeFormat(dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xa0, 0x52, 0x00),
                          QStringLiteral("number"));
    m_name = makeFormat(dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2),
                        QStringLiteral("name"));
    m_comment = makeFormat(QGuiApplication::palette().color(QPalette::PlaceholderText),
                           QStringLiteral("comment"), false, true);
}

QString SqlHighlighter::kindAt(const QTextBlock &block, int position)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format.property(KindProperty).toString();
    }
    return {};
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    // Carries a comment, a string or a quoted name on from the line before.
    auto closeFrom = [&](int state, qsizetype from) {
        const QString end = state == InComment  ? QStringLiteral("*/")
                            : state == InString ? QStringLiteral("'")
                                                : QStringLiteral("\"");
        const QTextCharFormat &f = state == InComment  ? m_comment
                                   : state == InString ? m_string
                                                       : m_name;
        // '' inside a string and "" inside a name are the quote itself.
        qsizetype at = from;
        for (;;) {
            at = text.indexOf(end, at);
            if (at < 0 || state == InComment || text.mid(at + 1, 1) != end)
                break;
            at += 2;
        }
        if (at < 0) {
            setFormat(int(from), int(size - from), f);
            setCurrentBlockState(state);
            return size;
        }
        const qsizetype stop = at + end.size();
        setFormat(int(from), int(stop - from), f);
        return stop;
    };
    setCurrentBlockState(Plain);
    if (previousBlockState() > Plain) {
        i = closeFrom(previousBlockState(), 0);
        if (currentBlockState() != Plain)
            return;
    }
    while (i < size) {
        const QChar c = text[i];
        if (c == u'-' && text.mid(i, 2) == QLatin1String("--")) {
            setFormat(int(i), int(size - i), m_comment);
            return;
        }
        if (c == u'/' && text.mid(i, 2) == QLatin1String("/*")) {
            setFormat(int(i), 2, m_comment);
            i = closeFrom(InComment, i + 2);
            if (currentBlockState() != Plain)
                return;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            const int state = c == u'\'' ? InString : InName;
            const qsizetype end = closeFrom(state, i + 1);
            setFormat(int(i), int(end - i), state == InString ? m_string : m_name);
            if (currentBlockState() != Plain)
                return;
            i = end;
            continue;
        }
        if (c == u'[' || c == u'`') {
            const QChar close = c == u'[' ? u']' : u'`';
            qsizetype end = text.indexOf(close, i + 1);
            end = end < 0 ? size : end + 1;
            setFormat(int(i), int(end - i), m_name);
            i = end;
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < size && text[i + 1].isDigit())) {
            qsizetype end = i;
            while (end < size && (text[end].isLetterOrNumber() || text[end] == u'.' ||
                                  ((text[end] == u'+' || text[end] == u'-') && end > i &&
                                   text[end - 1].toLower() == u'e')))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            qsizetype end = i;
            while (end < size &&
                   (text[end].isLetterOrNumber() || text[end] == u'_' || text[end] == u'$'))
                ++end;
            if (m_keywords.contains(text.mid(i, end - i).toUpper()))
                setFormat(int(i), int(end - i), m_keyword);
            i = end;
            continue;
        }
        ++i;
    }
}
