#include "MockGeneration.h"

GenerationOptions MockGeneration::options(const MockLlmServer &server, int rows,
                                          LlmSettings::Provider provider)
{
    GenerationOptions o;
    o.rows = rows;
    o.seed = 42;
    o.llm.provider = provider;
    o.llm.model = LlmSettings::defaultModel(provider);
    o.llm.baseUrl = server.baseUrl();
    o.llm.apiKey = QStringLiteral("sk-test");
    o.llm.timeoutMs = 5000;
    return o;
}
