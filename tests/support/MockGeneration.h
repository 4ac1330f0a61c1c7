#pragma once

#include "MockLlmServer.h"
#include "generate/GenerationOptions.h"

// Generation options that talk to a mock provider on 127.0.0.1, with a fixed seed and a short
// timeout, for tests of the LLM path.
namespace MockGeneration {
GenerationOptions options(const MockLlmServer &server, int rows,
                          LlmSettings::Provider provider = LlmSettings::Provider::OpenAI);
}
