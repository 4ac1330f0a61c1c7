#include "ProviderFreeHome.h"

#include "util/AppIdentity.h"

void useProviderFreeHome(const QTemporaryDir &home)
{
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("ANTHROPIC_API_KEY");
    qunsetenv("OPENAI_BASE_URL");
    // No session bus and no display: no system keychain, whatever the machine has, so the
    // tests never touch the user's real keychain.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    AppIdentity::apply();
}
