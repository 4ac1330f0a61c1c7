#include "AppIdentity.h"

#include <QCoreApplication>

void AppIdentity::apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Rowforge"));
    QCoreApplication::setApplicationName(QStringLiteral("rowforge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROWFORGE_VERSION));
}
