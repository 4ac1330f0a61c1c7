#pragma once

#include "ProviderWire.h"

// Anthropic Messages with one forced tool whose input_schema is the rows schema.
class AnthropicWire : public ProviderWire
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
    // A streamed answer (server-sent events) as the one message it adds up to.
    static QByteArray assembleStream(const QByteArray &events);
    // Content blocks a streamed message may have; later indexes are ignored.
    static constexpr int MaxContentBlocks = 64;
};
