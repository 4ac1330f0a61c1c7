#include "TextDecoder.h"

namespace {
// Windows-1252 differs from Latin-1 only in 0x80..0x9F; its five unassigned codes map to the
// C1 controls, as browsers and Python's "cp1252" with errors="replace" do not, but losslessly.
constexpr char16_t cp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QStringConverter::Encoding qtEncoding(TextEncoding::Kind kind)
{
    switch (kind) {
    case TextEncoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case TextEncoding::Utf16BE:
        return QStringConverter::Utf16BE;
    default:
        return QStringConverter::Utf8;
    }
}
} // namespace

TextDecoder::TextDecoder(TextEncoding::Kind kind) : m_kind(kind), m_decoder(qtEncoding(kind)) {}

void TextDecoder::appendDecoded(const QByteArray &bytes, QString &out)
{
    if (m_kind == TextEncoding::Windows1252) {
        const qsizetype start = out.size();
        out.resize(start + bytes.size());
        QChar *target = out.data() + start;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const auto byte = static_cast<unsigned char>(bytes[i]);
            target[i] = (byte >= 0x80 && byte < 0xA0) ? QChar(cp1252High[byte - 0x80])
                                                      : QChar(char16_t(byte));
        }
        return;
    }
    out += m_decoder.decode(bytes);
}

bool TextDecoder::hasError() const
{
    return m_kind != TextEncoding::Windows1252 && m_decoder.hasError();
}
