#pragma once

#include "LlmReply.h"
#include "LlmRequest.h"
#include "LlmSettings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <memory>

// One provider's HTTP dialect: where to send, which headers, the request body, and how to read
// answers and errors. See shared/docs/llm-wire-formats.md.
class ProviderWire
{
public:
    struct Error
    {
        QString type;    // OpenAI error.code / Anthropic error.type
        QString message; // the provider's own words
        bool retryable = false;
        int status = 0; // for an error inside a streamed answer: the status it stands for
    };

    virtual ~ProviderWire() = default;
    static std::unique_ptr<ProviderWire> create(const LlmSettings &settings);

    virtual QUrl endpoint(const LlmSettings &settings) const = 0;
    // Where the model list is read (GET).
    QUrl modelsEndpoint(const LlmSettings &settings) const;
    virtual QList<QPair<QByteArray, QByteArray>> headers(const LlmSettings &settings) const = 0;
    virtual QByteArray body(const LlmSettings &settings, const LlmRequest &request,
                            bool withTemperature) const = 0;
    // Throws RowforgeError for a cut-off answer, a refusal or an answer without rows.
    virtual LlmReply parseSuccess(const QByteArray &body, const LlmRequest &request) const = 0;
    virtual Error parseError(int status, const QByteArray &body) const = 0;

    // Answers stream (server-sent events), so that a slow model is not cut off by the
    // inactivity timeout and progress can show text arriving.
    static bool isStream(const QByteArray &body);
    // The JSON payload of every `data:` line, in order ([DONE] and keep-alives left out).
    static QList<QJsonObject> streamEvents(const QByteArray &body);
    // Characters of generated text that one event carries.
    virtual qsizetype streamedCharacters(const QJsonObject &event) const = 0;
    // An error event inside a stream that began with 200 (a model overloaded mid-way), with the
    // status it stands for; type empty when the stream holds none.
    virtual Error streamError(const QByteArray &body) const = 0;

protected:
    static QUrl join(const QString &base, const QString &path);
    // {"type":"object","properties":{"rows":{"type":"array","items":rowSchema}},...}
    static QJsonObject rowsEnvelope(const QJsonObject &rowSchema, bool closed);
    static void readUsage(const QJsonObject &root, const char *inputKey, const char *outputKey,
                          LlmReply &reply);
    // The provider's message, or the start of the body when it has none.
    static QString errorMessage(const QJsonObject &error, const QByteArray &body);
    // 408, 409, 429 and >= 500, as the official SDKs retry them.
    static bool retryableStatus(int status);
};
