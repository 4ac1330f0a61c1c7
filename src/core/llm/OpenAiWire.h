#pragma once

#include "ProviderWire.h"

// OpenAI Chat Completions with a strict json_schema response format; also the dialect of
// OpenAI-compatible local servers (Ollama, llama.cpp, LM Studio).
class OpenAiWire : public ProviderWire
{
public:
    QUrl endpoint(const LlmSettings &settings) const override;
    QList<QPair<QByteArray, QByteArray>> headers(const LlmSettings &settings) const override;
    QByteArray body(const LlmSettings &settings, const LlmRequest &request,
                    bool withTemperature) const override;
    LlmReply parseSuccess(const QByteArray &body, const LlmRequest &request) const override;
    Error parseError(int status, const QByteArray &body) const override;
    qsizetype streamedCharacters(const QJsonObject &event) const override;
    Error streamError(const QByteArray &body) const override;
    // A streamed answer (server-sent events of deltas) as the one chat completion it adds up to.
    static QByteArray assembleStream(const QByteArray &events);
};
