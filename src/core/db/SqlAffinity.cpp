#include "SqlAffinity.h"

SqlAffinity::Kind SqlAffinity::fromDeclaredType(const QString &declaredType)
{
    const QString type = declaredType.toUpper();
    if (type.contains(QLatin1String("INT")))
        return Integer;
    if (type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB")) ||
        type.contains(QLatin1String("TEXT")))
        return Text;
    if (type.contains(QLatin1String("BLOB")) || type.trimmed().isEmpty())
        return Blob;
    if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA")) ||
        type.contains(QLatin1String("DOUB")))
        return Real;
    return Numeric;
}

QString SqlAffinity::name(Kind kind)
{
    switch (kind) {
    case Integer:
        return QStringLiteral("INTEGER");
    case Real:
        return QStringLiteral("REAL");
    case Numeric:
        return QStringLiteral("NUMERIC");
    case Text:
        return QStringLiteral("TEXT");
    case Blob:
        return QStringLiteral("BLOB");
    }
    return {};
}
