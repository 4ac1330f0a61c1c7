#include "SqlAffinity.h"

#include <cmath>

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

QVariant SqlAffinity::valueOf(const QString &text, Kind kind)
{
    if (kind == Text || kind == Blob)
        return text;
    // SQLite converts only well-formed numbers, surrounding spaces allowed.
    const QString trimmed = text.trimmed();
    bool ok = false;
    const qlonglong integer = trimmed.toLongLong(&ok);
    if (ok && !trimmed.isEmpty())
        return kind == Real ? QVariant(double(integer)) : QVariant(integer);
    const double real = trimmed.toDouble(&ok);
    if (!ok || trimmed.isEmpty() || !std::isfinite(real))
        return text;
    if (kind != Real && real == std::floor(real) && std::fabs(real) < 9.2e18)
        return qlonglong(real);
    return real;
}
