#pragma once

#include <QByteArray>
#include <QString>

// The text encodings an import understands, detected from the bytes: a BOM names UTF-8 or
// UTF-16; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252.
class TextEncoding
{
public:
    enum Kind { Utf8, Utf16LE, Utf16BE, Windows1252 };

    static Kind detect(const QByteArray &head, int *bomLength);
    static int bomLength(const QByteArray &head, Kind kind);
    // True if `bytes` is valid UTF-8, ignoring a sequence cut off at the very end.
    static bool isValidUtf8(const QByteArray &bytes);
    static QString name(Kind kind);
    // Accepts the names users type: utf-8, utf8, utf-16le, cp1252, windows-1252, latin1, ...
    static bool fromName(const QString &name, Kind *kind);
};
