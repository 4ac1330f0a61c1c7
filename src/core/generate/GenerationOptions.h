#pragma once

#include "llm/LlmSettings.h"

// What Generate Data was asked to do.
struct GenerationOptions
{
    int rows = 10;
    int sampleSize = 10; // 1..100
    bool sendSamples = true;
    bool dryRun = false; // generate and validate, insert nothing
    int maxFollowUps = 2;
    // Rows asked for in one request; wide tables get fewer, so that one answer fits the output
    // token limit (about MaxValuesPerRequest values).
    int rowsPerRequest = 50;
    static constexpr int MaxValuesPerRequest = 1500;
    quint32 seed = 0; // 0: random
    LlmSettings llm;
};
