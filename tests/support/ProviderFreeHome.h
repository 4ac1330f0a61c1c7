#pragma once

#include <QTemporaryDir>

// Points the app's data and settings at `home` and hides every way to a real provider or the
// user's keychain: no API key or base URL from the environment, no session bus, no display.
void useProviderFreeHome(const QTemporaryDir &home);
