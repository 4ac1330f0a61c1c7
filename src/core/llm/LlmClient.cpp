#include "LlmClient.h"

#include "ProviderWire.h"
#include "util/RowforgeError.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <cmath>

namespace {
constexpr int MaxHonouredRetryAfterMs = 60000;
// Below this many tokens of room for the answer a request is not worth sending.
constexpr int MinAnswerTokens = 256;
} // namespace

LlmClient::LlmClient(const LlmSettings &settings)
    : m_settings(settings), m_jitter(QRandomGenerator::global()->generate())
{}

void LlmClient::checkUrl() const
{
    const QUrl url = ProviderWire::create(m_settings)->endpoint(m_settings);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        throw RowforgeError(
            QStringLiteral("%1: \"%2\" is not an http(s) URL — fix the base URL in "
                           "Generation Settings")
                .arg(m_settings.displayName(), url.toDisplayString(QUrl::RemoveUserInfo)));
    // An API key never travels in clear text, except to this computer.
    const QHostAddress host(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || host.isLoopback();
    if (url.scheme() == QLatin1String("http") && !loopback)
        throw RowforgeError(QStringLiteral("%1: plain http:// is only allowed for this computer "
                                           "(localhost); use https:// for %2")
                                .arg(m_settings.displayName(), url.host()));
}

LlmClient::Attempt LlmClient::send(const QUrl &url, const QByteArray *body)
{
    const std::unique_ptr<ProviderWire> wire = ProviderWire::create(m_settings);
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    for (const auto &[name, value] : wire->headers(m_settings))
        request.setRawHeader(name, value);
    // Inactivity, not length: a streamed answer may take minutes as long as text keeps coming.
    request.setTransferTimeout(m_settings.timeoutMs);
    QNetworkReply *reply = body ? network.post(request, *body) : network.get(request);
    Attempt attempt;
    qsizetype scanned = 0; // stream lines already counted for progress
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        attempt.body += reply->readAll();
        const qsizetype lineEnd = attempt.body.lastIndexOf('\n');
        if (lineEnd < scanned)
            return;
        qsizetype characters = 0;
        for (const QJsonObject &event :
             ProviderWire::streamEvents(attempt.body.mid(scanned, lineEnd - scanned)))
            characters += wire->streamedCharacters(event);
        scanned = lineEnd + 1;
        m_streamedCharacters += characters;
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [this, reply] {
        if (m_cancelled)
            reply->abort();
    });
    cancelPoll.start(50);
    loop.exec();

    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        attempt.body += reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        attempt.headers.insert(name.toLower(), value);
    if (attempt.status == 0) {
        attempt.timedOut = reply->error() == QNetworkReply::OperationCanceledError && !m_cancelled;
        attempt.transport = reply->errorString();
    } else if (attempt.status >= 200 && attempt.status < 300 &&
               reply->error() != QNetworkReply::NoError) {
        // The stream stopped part-way (a timeout, a dropped connection): not an answer.
        attempt.timedOut = reply->error() == QNetworkReply::OperationCanceledError && !m_cancelled;
        attempt.transport = reply->errorString();
        attempt.status = 0;
    }
    reply->deleteLater();
    if (m_cancelled)
        throw RowforgeError(QStringLiteral("Generation cancelled; nothing was written"));
    return attempt;
}

void LlmClient::checkFits(const LlmRequest &request) const
{
    // A local server with a small context window drops the start of a longer prompt without a
    // word, and the model answers a question it never fully read.
    if (m_settings.contextTokens <= 0 || m_settings.outputLimitFor(request) >= MinAnswerTokens)
        return;
    throw RowforgeError(
        QStringLiteral("%1: the request needs about %2 tokens of prompt, and the server's "
                       "context window (%3 tokens, set in Generation Settings) leaves too little "
                       "room for an answer. Give the server a larger context — Ollama: start it "
                       "with OLLAMA_CONTEXT_LENGTH=16384 (or set num_ctx in a Modelfile); "
                       "llama.cpp: --ctx-size 16384 — and set Context window to match; or share "
                       "less with the model (fewer sample rows).")
            .arg(m_settings.displayName())
            .arg(LlmSettings::tokensOf(request.promptCharacters()))
            .arg(m_settings.contextTokens));
}

int LlmClient::retryDelayMs(const Attempt &attempt, int retry)
{
    bool ok = false;
    const double ms = attempt.headers.value("retry-after-ms").toDouble(&ok);
    if (ok && ms >= 0 && ms <= MaxHonouredRetryAfterMs)
        return int(ms);
    const QByteArray after = attempt.headers.value("retry-after");
    const double seconds = after.toDouble(&ok);
    if (ok && seconds >= 0 && seconds * 1000 <= MaxHonouredRetryAfterMs)
        return int(seconds * 1000);
    if (!ok && !after.isEmpty()) {
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(after), Qt::RFC2822Date);
        const qint64 wait = when.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(when) : -1;
        if (wait >= 0 && wait <= MaxHonouredRetryAfterMs)
            return int(wait);
    }
    const double backoff = std::min(0.5 * std::pow(2.0, retry), 8.0);
    return int(backoff * (1.0 - 0.25 * m_jitter.generateDouble()) * 1000);
}

QString LlmClient::describeFailure(const Attempt &attempt, const QString &detail,
                                   int attempts) const
{
    const QString provider = m_settings.displayName();
    const QString tries =
        attempts > 1 ? QStringLiteral(" after %1 attempts").arg(attempts) : QString();
    if (attempt.status == 0) {
        if (attempt.timedOut)
            return QStringLiteral("%1 did not answer within %2 s%3 — check the connection or raise "
                                  "the timeout in Generation Settings")
                .arg(provider)
                .arg(m_settings.timeoutMs / 1000.0)
                .arg(tries);
        return QStringLiteral("Cannot reach %1 at %2%3: %4")
            .arg(provider,
                 ProviderWire::create(m_settings)
                     ->endpoint(m_settings)
                     .toDisplayString(QUrl::RemoveUserInfo),
                 tries, attempt.transport);
    }
    const int status = attempt.status;
    const QString detailText = detail.isEmpty() ? QString() : QStringLiteral(": %1").arg(detail);
    switch (status) {
    case 401:
        return QStringLiteral("%1 rejected the API key (401) — open Generation Settings to fix it.")
            .arg(provider);
    case 403:
        return QStringLiteral("%1 refused access (403)%2 — check the key's permissions.")
            .arg(provider, detailText);
    case 404:
        return QStringLiteral(
                   "%1 does not know the model or address (404)%2 — check the model name "
                   "and base URL in Generation Settings.")
            .arg(provider, detailText);
    case 429:
        return QStringLiteral(
                   "%1 is limiting requests (429)%2%3 — wait a moment, or check your plan "
                   "and billing.")
            .arg(provider, tries, detailText);
    default:
        if (status >= 500)
            return QStringLiteral("%1 had a server error (%2)%3%4 — try again later.")
                .arg(provider)
                .arg(status)
                .arg(tries, detailText);
        return QStringLiteral("%1 rejected the request (%2)%3")
            .arg(provider)
            .arg(status)
            .arg(detailText);
    }
}

LlmReply LlmClient::complete(const LlmRequest &request)
{
    checkUrl();
    if (m_settings.provider != LlmSettings::Provider::OpenAICompatible &&
        m_settings.apiKey.isEmpty())
        throw RowforgeError(
            QStringLiteral("%1 needs an API key: set %2 or enter it in Generation Settings")
                .arg(m_settings.displayName(),
                     m_settings.provider == LlmSettings::Provider::Anthropic
                         ? QStringLiteral("ANTHROPIC_API_KEY")
                         : QStringLiteral("OPENAI_API_KEY")));
    checkFits(request);
    const std::unique_ptr<ProviderWire> wire = ProviderWire::create(m_settings);
    bool withTemperature = true;
    bool droppedTemperature = false;
    for (int attemptNumber = 1;; ++attemptNumber) {
        const QByteArray body = wire->body(m_settings, request, withTemperature);
        Attempt attempt = send(wire->endpoint(m_settings), &body);
        ProviderWire::Error streamed;
        if (attempt.status >= 200 && attempt.status < 300 && ProviderWire::isStream(attempt.body))
            streamed = wire->streamError(attempt.body);
        if (!streamed.type.isEmpty())
            attempt.status = streamed.status; // failed mid-stream: as the same error unstreamed
        if (attempt.status >= 200 && attempt.status < 300) {
            try {
                LlmReply reply = wire->parseSuccess(attempt.body, request);
                reply.attempts = attemptNumber;
                return reply;
            } catch (const RowforgeError &error) {
                throw RowforgeError(
                    QStringLiteral("%1: %2").arg(m_settings.displayName(), error.message()));
            }
        }
        ProviderWire::Error error;
        bool retryable = true; // connection errors and timeouts
        if (!streamed.type.isEmpty()) {
            error = streamed;
            retryable = streamed.retryable;
        } else if (attempt.status != 0) {
            error = wire->parseError(attempt.status, attempt.body);
            retryable = error.retryable;
            const QByteArray should = attempt.headers.value("x-should-retry");
            if (should == "true")
                retryable = true;
            else if (should == "false")
                retryable = false;
            // Reasoning models take only the default temperature: ask again without it, once.
            if (attempt.status == 400 && !droppedTemperature &&
                error.type == QLatin1String("unsupported_value") &&
                error.message.contains(QLatin1String("temperature"))) {
                withTemperature = false;
                droppedTemperature = true;
                continue;
            }
        }
        const int retriesUsed = attemptNumber - 1 - (droppedTemperature ? 1 : 0);
        if (!retryable || retriesUsed >= m_settings.maxRetries)
            throw RowforgeError(describeFailure(attempt, error.message, attemptNumber));
        const int delay = retryDelayMs(attempt, retriesUsed);
        // Cancel ends the wait at once, not after a minute of back-off.
        QEventLoop wait;
        QTimer::singleShot(delay, &wait, &QEventLoop::quit);
        QTimer cancelPoll;
        QObject::connect(&cancelPoll, &QTimer::timeout, &wait, [this, &wait] {
            if (m_cancelled)
                wait.quit();
        });
        cancelPoll.start(50);
        wait.exec();
        if (m_cancelled)
            throw RowforgeError(QStringLiteral("Generation cancelled; nothing was written"));
    }
}

QStringList LlmClient::listModels()
{
    checkUrl();
    const std::unique_ptr<ProviderWire> wire = ProviderWire::create(m_settings);
    const QUrl url = wire->modelsEndpoint(m_settings);
    const Attempt attempt = send(url, nullptr);
    if (attempt.status < 200 || attempt.status >= 300)
        throw RowforgeError(
            describeFailure(attempt, wire->parseError(attempt.status, attempt.body).message, 1));
    // {"object":"list","data":[{"id":"llama3.2",…},…]}, as OpenAI, Anthropic and the local
    // servers all answer.
    QStringList models;
    const QJsonObject root = QJsonDocument::fromJson(attempt.body).object();
    for (const QJsonValue &model : root.value(QLatin1String("data")).toArray())
        models << model[QLatin1String("id")].toString();
    models.removeAll(QString());
    if (root.isEmpty())
        throw RowforgeError(
            QStringLiteral("%1 at %2 did not answer with a model list")
                .arg(m_settings.displayName(), url.toDisplayString(QUrl::RemoveUserInfo)));
    models.sort(Qt::CaseInsensitive);
    return models;
}
