#pragma once

#include "LlmReply.h"
#include "LlmRequest.h"
#include "LlmSettings.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>
#include <atomic>

// Sends one structured-output request and waits for the rows, retrying as the official SDKs
// do: connection errors, timeouts, 408, 409, 429 and every status >= 500, honouring
// retry-after-ms and retry-after (under 60 s), else backing off min(0.5 * 2^n, 8) s with
// jitter. Never retried: 400, 401, 403, 404, 413, 422, exhausted quota, spend limits.
//
// Blocking: it runs its own event loop, so call it from a worker thread (or a test).
// Every error is a RowforgeError whose message names the provider, the status and what to do.
class LlmClient
{
public:
    explicit LlmClient(const LlmSettings &settings);

    LlmReply complete(const LlmRequest &request);
    // The models the server offers (GET {base}/v1/models), sorted; throws RowforgeError.
    QStringList listModels();
    // Set from another thread to stop waiting; complete() then throws.
    void cancel() { m_cancelled = true; }
    // Tokens of answer received so far over every request (estimated from the streamed text,
    // about 4 characters a token), for progress; readable from any thread.
    qint64 receivedTokens() const { return m_streamedCharacters / 4; }

private:
    struct Attempt
    {
        int status = 0;    // 0: no HTTP answer
        QString transport; // the network error when there was no answer
        bool timedOut = false;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;
    };
    // POSTs `body`, or GETs without one.
    Attempt send(const QUrl &url, const QByteArray *body);
    int retryDelayMs(const Attempt &attempt, int retry);
    QString describeFailure(const Attempt &attempt, const QString &detail, int attempts) const;
    void checkUrl() const;
    // Throws when a local server's context window leaves no room for the answer.
    void checkFits(const LlmRequest &request) const;

    LlmSettings m_settings;
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_streamedCharacters{0};
    QRandomGenerator m_jitter;
};
