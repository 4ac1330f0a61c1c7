#include "KeyStore.h"

#include "GenerationSettings.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace {
const QString Service = QStringLiteral("Rowforge");
} // namespace

KeyStore::KeyStore(QObject *parent) : QObject(parent) {}

KeyStore *KeyStore::instance()
{
    static KeyStore *store = new KeyStore(QCoreApplication::instance());
    return store;
}

const QStringList &KeyStore::providers()
{
    static const QStringList names{QStringLiteral("openai"), QStringLiteral("anthropic")};
    return names;
}

void KeyStore::noteResult(int error, const QString &errorString)
{
    const State before = m_state;
    if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
        m_state = State::Available;
    } else if (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError ||
               error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
        m_state = State::Unavailable;
        m_problem = errorString;
    }
    if (m_state != before)
        Q_EMIT stateChanged();
}

void KeyStore::load()
{
    for (const QString &provider : providers()) {
        auto *job = new QKeychain::ReadPasswordJob(Service, this);
        job->setAutoDelete(true);
        job->setKey(provider);
        connect(job, &QKeychain::Job::finished, this, [this, provider](QKeychain::Job *done) {
            noteResult(done->error(), done->errorString());
            const auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
            // A key typed in this session wins over the stored one.
            if (done->error() == QKeychain::NoError &&
                GenerationSettings::sessionKey(provider).isEmpty())
                GenerationSettings::setSessionKey(provider, read->textData());
        });
        job->start();
    }
}

void KeyStore::store(const QString &provider, const QString &key)
{
    QKeychain::Job *job = nullptr;
    if (key.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(Service, this);
        remove->setKey(provider);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(Service, this);
        write->setKey(provider);
        write->setTextData(key);
        job = write;
    }
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, provider](QKeychain::Job *done) {
        noteResult(done->error(), done->errorString());
        Q_EMIT stored(provider, done->error() == QKeychain::NoError ||
                                    done->error() == QKeychain::EntryNotFound);
    });
    job->start();
}

QString KeyStore::status() const
{
    switch (m_state) {
    case State::Available:
        return tr("A key typed here is stored in the system keychain");
    case State::Unavailable:
        return tr("No system keychain is available here (%1): a key typed here is kept for this "
                  "session only")
            .arg(m_problem);
    case State::Unknown:
        break;
    }
    return tr("A key typed here goes to the system keychain when one is available, else it is "
              "kept for this session only");
}
