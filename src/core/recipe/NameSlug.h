#pragma once

#include <QByteArray>
#include <QString>

// A name as it appears in an e-mail address: lower-case ASCII letters and digits only
// ("Chloé" -> "chloe", "O'Brien" -> "obrien", "Søren" -> "soren").
inline QByteArray nameSlug(const QString &name)
{
    QByteArray slug;
    for (const QChar c : name.toLower().normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            slug += char(u);
        else if (u == u'ø')
            slug += 'o';
        else if (u == u'æ')
            slug += "ae";
        else if (u == u'ß')
            slug += "ss";
        else if (u == u'ł')
            slug += 'l';
    }
    return slug;
}
