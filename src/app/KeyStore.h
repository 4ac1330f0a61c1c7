#pragma once

#include <QObject>

// API keys in the system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
// Manager, through QtKeychain), never in the settings file. load() puts stored keys into the
// session at start; store() saves a key typed in Generation Settings. Where no keychain is
// available (no D-Bus session, no secret service), keys stay for the session only, and
// status() says so.
class KeyStore : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, Available, Unavailable };

    static KeyStore *instance();
    void load();
    void store(const QString &provider, const QString &key);
    State state() const { return m_state; }
    QString status() const; // one sentence for the settings dialog

    static const QStringList &providers();

Q_SIGNALS:
    void stateChanged();
    void stored(const QString &provider, bool ok);

private:
    explicit KeyStore(QObject *parent = nullptr);
    void noteResult(int error, const QString &errorString);

    State m_state = State::Unknown;
    QString m_problem;
};
