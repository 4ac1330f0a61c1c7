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
    quint32 seed = 0; // 0: random
    LlmSettings llm;
};
