#pragma once

#include "TextEncoding.h"

#include <QStringDecoder>

// Decodes a byte stream chunk by chunk (a character split between chunks is kept for the
// next one) and remembers whether any bytes were invalid for the encoding.
class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding::Kind kind);
    void appendDecoded(const QByteArray &bytes, QString &out);
    bool hasError() const;

private:
    TextEncoding::Kind m_kind;
    QStringDecoder m_decoder;
};
