#include "TextEncoding.h"

TextEncoding::Kind TextEncoding::detect(const QByteArray &head, int *bom)
{
    for (Kind kind : {Utf8, Utf16LE, Utf16BE}) {
        if (const int length = bomLength(head, kind)) {
            *bom = length;
            return kind;
        }
    }
    *bom = 0;
    return isValidUtf8(head) ? Utf8 : Windows1252;
}

int TextEncoding::bomLength(const QByteArray &head, Kind kind)
{
    switch (kind) {
    case Utf8:
        return head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    case Utf16LE:
        return head.startsWith("\xFF\xFE") ? 2 : 0;
    case Utf16BE:
        return head.startsWith("\xFE\xFF") ? 2 : 0;
    case Windows1252:
        return 0;
    }
    return 0;
}

bool TextEncoding::isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra;
        unsigned min;
        unsigned code;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, code = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n)
            return true; // cut off at the end of the sample
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i + k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

QString TextEncoding::name(Kind kind)
{
    switch (kind) {
    case Utf8:
        return QStringLiteral("UTF-8");
    case Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

bool TextEncoding::fromName(const QString &name, Kind *kind)
{
    QString key = name.toLower();
    key.remove(u'-').remove(u'_').remove(u' ');
    if (key == QLatin1String("utf8")) {
        *kind = Utf8;
    } else if (key == QLatin1String("utf16le") || key == QLatin1String("utf16")) {
        *kind = Utf16LE;
    } else if (key == QLatin1String("utf16be")) {
        *kind = Utf16BE;
    } else if (key == QLatin1String("windows1252") || key == QLatin1String("cp1252") ||
               key == QLatin1String("latin1") || key == QLatin1String("iso88591")) {
        *kind = Windows1252;
    } else {
        return false;
    }
    return true;
}
