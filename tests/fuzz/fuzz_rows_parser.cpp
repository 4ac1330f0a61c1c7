// What a model sends back: rows in prose or fences, answers cut mid-row, and the server-sent
// events of both providers' streams, on any bytes.
#include "FuzzSupport.h"
#include "llm/AnthropicWire.h"
#include "llm/OpenAiWire.h"
#include "llm/RowsParser.h"
#include "util/RowforgeError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzzBytes(data, size);
    const QString text = QString::fromUtf8(bytes);
    try {
        RowsParser::parse(text);
    } catch (const RowforgeError &) {
    }
    try {
        RowsParser::parseObject(text);
    } catch (const RowforgeError &) {
    }
    RowsParser::completeRows(text);
    OpenAiWire::assembleStream(bytes);
    AnthropicWire::assembleStream(bytes);
    const LlmRequest request;
    const OpenAiWire openAi;
    const AnthropicWire anthropic;
    for (const ProviderWire *wire : {static_cast<const ProviderWire *>(&openAi),
                                     static_cast<const ProviderWire *>(&anthropic)}) {
        try {
            wire->parseSuccess(bytes, request);
        } catch (const RowforgeError &) {
        }
        wire->streamError(bytes);
        wire->parseError(500, bytes);
    }
    return 0;
}
